package org.segplan.quality.gate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.ValidatedTables;

/**
 * For every input of the latest ingest: rows in = accepted + quarantined in the ledger, and the ledger's counts
 * match the rows actually in {@code validated_<input>} and {@code quarantine} for the run date.
 */
public final class InputsReconcile implements QualityCheck {
    public static final String LEDGER = "rows_in_equal_accepted_plus_quarantined";
    public static final String ACCEPTED = "validated_rows_match_ledger";
    public static final String QUARANTINED = "quarantined_rows_match_ledger";
    public static final String INGEST_STAGE = "ingest";

    @Override
    public List<CheckResult> evaluate(GateInputs inputs) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, Long> quarantined = quarantinedBySource(inputs.table(QuarantineTable.NAME));
        for (Row row : LedgerAttempts.latest(inputs.ledger(), INGEST_STAGE)) {
            if (!PipelineRunsTable.SUCCEEDED.equals(row.getAs(PipelineRunsTable.STATUS))) {
                continue;
            }
            String table = row.getAs(PipelineRunsTable.TABLE_NAME);
            long rowsIn = row.<Long>getAs(PipelineRunsTable.ROWS_IN);
            long accepted = row.<Long>getAs(PipelineRunsTable.ROWS_ACCEPTED);
            long rejected = row.<Long>getAs(PipelineRunsTable.ROWS_QUARANTINED);
            results.add(CheckResult.when(rowsIn == accepted + rejected, LEDGER, table, CheckLevel.ERROR,
                    (double) (accepted + rejected), String.valueOf(rowsIn),
                    rowsIn + " rows in, " + accepted + " accepted + " + rejected + " quarantined"));

            Optional<Dataset<Row>> validated = inputs.table(ValidatedTables.of(table));
            long written = validated.map(Dataset::count).orElse(0L);
            results.add(CheckResult.when(validated.isPresent() && written == accepted, ACCEPTED, table,
                    CheckLevel.ERROR, (double) written, String.valueOf(accepted),
                    validated.isPresent() ? ValidatedTables.of(table) + " holds " + written + " rows, the ledger says "
                            + accepted : ValidatedTables.of(table) + " does not exist"));

            long inQuarantine = quarantined.getOrDefault(table, 0L);
            results.add(CheckResult.when(inQuarantine == rejected, QUARANTINED, table, CheckLevel.ERROR,
                    (double) inQuarantine, String.valueOf(rejected),
                    "quarantine holds " + inQuarantine + " rows of " + table + ", the ledger says " + rejected));
        }
        return results;
    }

    private static Map<String, Long> quarantinedBySource(Optional<Dataset<Row>> quarantine) {
        Map<String, Long> counts = new TreeMap<>();
        quarantine.ifPresent(rows -> rows.groupBy(col(QuarantineTable.SOURCE_TABLE)).count()
                .where(col("count").gt(lit(0)))
                .collectAsList()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1))));
        return counts;
    }
}
