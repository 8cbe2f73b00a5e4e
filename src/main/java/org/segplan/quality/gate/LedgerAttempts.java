package org.segplan.quality.gate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
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
        return ledger.where(col(PipelineRunsTable.STAGE).equalTo(stage))
                .withColumn("latest_started_at", max(PipelineRunsTable.STARTED_AT).over(Window.partitionBy()))
                .where(col(PipelineRunsTable.STARTED_AT).equalTo(col("latest_started_at")))
                .drop("latest_started_at")
                .orderBy(PipelineRunsTable.TABLE_NAME)
                .collectAsList();
    }
}
