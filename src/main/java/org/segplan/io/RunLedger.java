package org.segplan.io;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.PipelineRunsTable;

/** Writes the {@code pipeline_runs} table: a rerun of the same run id updates its rows instead of adding more. */
public final class RunLedger {
    private final SparkSession spark;
    private final TableStore lakehouse;

    public RunLedger(SparkSession spark, TableStore lakehouse) {
        this.spark = spark;
        this.lakehouse = lakehouse;
    }

    public void record(RunIdentity run, List<LedgerEntry> entries) {
        List<Row> rows = entries.stream().map(entry -> RowFactory.create(
                run.runId(), Date.valueOf(run.runDate()), entry.stage(), entry.table(), entry.status(),
                entry.rowsIn(), entry.rowsAccepted(), entry.rowsQuarantined(), entry.rowsOut(),
                Timestamp.from(entry.startedAt()), entry.durationSeconds(), run.configHash(), run.codeVersion(),
                entry.message())).toList();
        Dataset<Row> frame = spark.createDataFrame(rows, PipelineRunsTable.SCHEMA);
        lakehouse.upsert(PipelineRunsTable.NAME, frame,
                OutputColumns.RUN_ID, PipelineRunsTable.STAGE, PipelineRunsTable.TABLE_NAME);
    }
}
