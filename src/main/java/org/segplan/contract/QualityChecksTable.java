package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: the quality gate's results, one row per check and subject (a stage, table or segment), in the
 * shape of Deequ's result table. Error-level failures fail {@code segplan check}; warnings are only recorded.
 */
public final class QualityChecksTable {
    public static final String NAME = "quality_checks";

    public static final String CHECK = "check";
    /** What the check looked at: a stage, a table, a segment, or {@code *} for the run as a whole. */
    public static final String SUBJECT = "subject";
    public static final String LEVEL = "level";
    public static final String STATUS = "status";
    public static final String OBSERVED = "observed";
    public static final String EXPECTED = "expected";
    public static final String MESSAGE = "message";

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";

    /** Without run_date and run_id, which the lakehouse adds when it writes. */
    public static final StructType SCHEMA = new StructType()
            .add(CHECK, StringType, false)
            .add(SUBJECT, StringType, false)
            .add(LEVEL, StringType, false)
            .add(STATUS, StringType, false)
            .add(OBSERVED, DoubleType, true)
            .add(EXPECTED, StringType, false)
            .add(MESSAGE, StringType, false);

    /** The schema as read back from the lakehouse. */
    public static final StructType STORED_SCHEMA = SCHEMA
            .add(OutputColumns.RUN_DATE, DateType, false)
            .add(OutputColumns.RUN_ID, StringType, false);

    private QualityChecksTable() {
    }
}
