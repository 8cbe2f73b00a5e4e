package org.segplan.quality.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.segplan.contract.PipelineRunsTable;

/**
 * The quarantined share of every input of the latest ingest: above the limit is an error (ingest refuses such a
 * table itself, so this catches a raised limit or a stale ledger), above the warning threshold a warning.
 */
public final class QuarantineShare implements QualityCheck {
    public static final String LIMIT = "quarantine_share_within_limit";
    public static final String WARNING = "quarantine_share_below_warning";

    private final double limit;
    private final double warning;

    public QuarantineShare(double limit, double warning) {
        this.limit = limit;
        this.warning = warning;
    }

    @Override
    public List<CheckResult> evaluate(GateInputs inputs) {
        List<CheckResult> results = new ArrayList<>();
        for (Row row : LedgerAttempts.latest(inputs.ledger(), InputsReconcile.INGEST_STAGE)) {
            Long rowsIn = row.getAs(PipelineRunsTable.ROWS_IN);
            Long rejected = row.getAs(PipelineRunsTable.ROWS_QUARANTINED);
            if (rowsIn == null || rejected == null) {
                continue;
            }
            String table = row.getAs(PipelineRunsTable.TABLE_NAME);
            double share = rowsIn == 0 ? 0.0 : (double) rejected / rowsIn;
            String seen = String.format(Locale.ROOT, "%d of %d rows quarantined (%.2f%%)", rejected, rowsIn, 100 * share);
            results.add(CheckResult.when(share <= limit, LIMIT, table, CheckLevel.ERROR, share,
                    String.format(Locale.ROOT, "<= %.4f", limit), seen));
            results.add(CheckResult.when(share <= warning, WARNING, table, CheckLevel.WARNING, share,
                    String.format(Locale.ROOT, "<= %.4f", warning), seen));
        }
        return results;
    }
}
