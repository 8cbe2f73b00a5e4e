package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: the run ledger, one row per run, stage and table. Rows in = rows accepted + rows
 * quarantined for every input table. A rerun of the same run id updates its rows in place.
 */
public final class PipelineRunsTable {
    public static final String NAME = "pipeline_runs";

    public static final String STAGE = "stage";
    public static final String TABLE_NAME = "table_name";
    public static final String STATUS = "status";
    public static final String ROWS_IN = "rows_in";
    public static final String ROWS_ACCEPTED = "rows_accepted";
    public static final String ROWS_QUARANTINED = "rows_quarantined";
    public static final String ROWS_OUT = "rows_out";
    public static final String STARTED_AT = "started_at";
    public static final String DURATION_SECONDS = "duration_seconds";
    public static final String CONFIG_HASH = "config_hash";
    public static final String CODE_VERSION = "code_version";
    public static final String MESSAGE = "message";

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    /** The stage chose not to run (for example it needs transactions and the run has none); message says why. */
    public static final String SKIPPED = "SKIPPED";

    public static final StructType SCHEMA = new StructType()
            .add(OutputColumns.RUN_ID, StringType, false)
            .add(OutputColumns.RUN_DATE, DateType, false)
            .add(STAGE, StringType, false)
            .add(TABLE_NAME, StringType, false)
            .add(STATUS, StringType, false)
            .add(ROWS_IN, LongType, true)
            .add(ROWS_ACCEPTED, LongType, true)
            .add(ROWS_QUARANTINED, LongType, true)
            .add(ROWS_OUT, LongType, true)
            .add(STARTED_AT, TimestampType, false)
            .add(DURATION_SECONDS, DoubleType, false)
            .add(CONFIG_HASH, StringType, false)
            .add(CODE_VERSION, StringType, false)
            .add(MESSAGE, StringType, true);

    private PipelineRunsTable() {
    }
}
