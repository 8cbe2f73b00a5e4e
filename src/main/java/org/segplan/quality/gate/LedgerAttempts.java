package org.segplan.quality.gate;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.PipelineRunsTable;

/**
 * The latest attempt of each stage in the run date's ledger. A failed attempt leaves its row behind when a retry
 * succeeds, and the tables hold what the latest attempt wrote, so only that attempt counts.
 */
final class LedgerAttempts {
    private LedgerAttempts() {
    }

    /** The ledger rows of the latest attempt of a stage (one per table it recorded); empty if it never ran. */
    static List<Row> latest(Dataset<Row> ledger, String stage) {
        // A stage has a handful of ledger rows per run date: a small metadata collect.
        List<Row> rows = ledger.where(col(PipelineRunsTable.STAGE).equalTo(stage)).collectAsList();
        Timestamp latest = rows.stream().map(row -> row.<Timestamp>getAs(PipelineRunsTable.STARTED_AT))
                .max(Comparator.naturalOrder()).orElse(null);
        return rows.stream().filter(row -> row.getAs(PipelineRunsTable.STARTED_AT).equals(latest))
                .sorted(Comparator.comparing(row -> row.<String>getAs(PipelineRunsTable.TABLE_NAME))).toList();
    }
}
