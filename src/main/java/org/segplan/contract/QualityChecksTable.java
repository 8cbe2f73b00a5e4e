package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
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
    public static final String LEVEL = Columns.LEVEL;
    public static final String STATUS = Columns.STATUS;
    public static final String OBSERVED = "observed";
    public static final String EXPECTED = "expected";
    public static final String MESSAGE = Columns.MESSAGE;

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";

    /** Without run_date and run_id, which the lakehouse adds when it writes. */
    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(CHECK, StringType, "The check"),
            key(SUBJECT, StringType, "What it looked at: a stage, a table, a segment, or * for the run as a whole"),
            required(LEVEL, "error or warning"),
            required(STATUS, "passed or failed"),
            nullable(OBSERVED, DoubleType, "The value observed, when the check measures one"),
            required(EXPECTED, StringType, "What passes, in words"),
            required(MESSAGE)));

    /** Without run_date and run_id, which the lakehouse adds when it writes. */
    public static final StructType SCHEMA = CONTRACT.schema();

    /** The schema as read back from the lakehouse. */
    public static final StructType STORED_SCHEMA = SCHEMA
            .add(OutputColumns.RUN_DATE, DateType, false)
            .add(OutputColumns.RUN_ID, StringType, false);

    private QualityChecksTable() {
    }
}
