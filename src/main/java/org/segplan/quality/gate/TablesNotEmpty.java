package org.segplan.quality.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Every table the run should have written exists and has rows for the run date. */
public final class TablesNotEmpty implements QualityCheck {
    public static final String NAME = "table_not_empty";

    private final List<String> tables;

    public TablesNotEmpty(List<String> tables) {
        this.tables = List.copyOf(tables);
    }

    @Override
    public List<CheckResult> evaluate(GateInputs inputs) {
        List<CheckResult> results = new ArrayList<>();
        for (String table : tables) {
            Optional<Dataset<Row>> rows = inputs.table(table);
            if (rows.isEmpty()) {
                results.add(CheckResult.fail(NAME, table, CheckLevel.ERROR, null, "> 0 rows",
                        table + " does not exist in the lakehouse"));
                continue;
            }
            long count = rows.get().count();
            results.add(CheckResult.when(count > 0, NAME, table, CheckLevel.ERROR, (double) count, "> 0 rows",
                    table + " has " + count + " rows for " + inputs.runDate()));
        }
        return results;
    }
}
