package org.segplan.quality.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segplan.contract.PipelineRunsTable;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Every table the run should have written exists and has rows for the run date. */
public final class TablesNotEmpty implements QualityCheck {
    public static final String NAME = "table_not_empty";

    private final List<String> tables;
    private final Map<String, List<String>> stageOutputs;

    public TablesNotEmpty(List<String> tables) {
        this(tables, Map.of());
    }

    /** These tables, and the outputs of each stage whose latest attempt for the run date succeeded. */
    public TablesNotEmpty(List<String> tables, Map<String, List<String>> stageOutputs) {
        this.tables = List.copyOf(tables);
        this.stageOutputs = new LinkedHashMap<>(stageOutputs);
    }

    @Override
    public List<CheckResult> evaluate(GateInputs inputs) {
        List<CheckResult> results = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>(tables);
        stageOutputs.forEach((stage, outputs) -> {
            List<Row> attempt = LedgerAttempts.latest(inputs.ledger(), stage);
            if (!attempt.isEmpty() && attempt.stream()
                    .allMatch(row -> PipelineRunsTable.SUCCEEDED.equals(row.getAs(PipelineRunsTable.STATUS)))) {
                expected.addAll(outputs);
            }
        });
        for (String table : expected) {
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
