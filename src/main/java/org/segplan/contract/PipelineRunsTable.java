package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: the run ledger, one row per run, stage and table. Rows in = rows accepted + rows
 * quarantined for every input table. A rerun of the same run id updates its rows in place.
 */
public final class PipelineRunsTable {
    public static final String NAME = "pipeline_runs";

    public static final String STAGE = "stage";
    public static final String TABLE_NAME = "table_name";
    public static final String STATUS = Columns.STATUS;
    public static final String ROWS_IN = "rows_in";
    public static final String ROWS_ACCEPTED = "rows_accepted";
    public static final String ROWS_QUARANTINED = "rows_quarantined";
    public static final String ROWS_OUT = "rows_out";
    public static final String STARTED_AT = "started_at";
    public static final String DURATION_SECONDS = "duration_seconds";
    public static final String CONFIG_HASH = "config_hash";
    public static final String CODE_VERSION = "code_version";
    public static final String MESSAGE = Columns.MESSAGE;

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    /** The stage chose not to run (for example it needs transactions and the run has none); message says why. */
    public static final String SKIPPED = "SKIPPED";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(Columns.RUN_ID),
            required(Columns.RUN_DATE),
            key(STAGE, StringType, "The stage"),
            key(TABLE_NAME, StringType, "The table the counts are of"),
            required(STATUS, "SUCCEEDED, FAILED or SKIPPED"),
            nullable(ROWS_IN, LongType, "Rows read"),
            nullable(ROWS_ACCEPTED, LongType, "Rows that passed validation"),
            nullable(ROWS_QUARANTINED, LongType, "Rows sent to quarantine"),
            nullable(ROWS_OUT, LongType, "Rows written"),
            required(STARTED_AT, TimestampType, "When the stage started"),
            required(DURATION_SECONDS, DoubleType, "How long it ran"),
            required(CONFIG_HASH, StringType, "SHA-256 of the effective configuration"),
            required(CODE_VERSION, StringType, "Version and commit of the code"),
            nullable(MESSAGE, "Why the stage failed or was skipped")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private PipelineRunsTable() {
    }
}
