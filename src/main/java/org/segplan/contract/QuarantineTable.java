package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: every input row that failed a check, with why. */
public final class QuarantineTable {
    public static final String NAME = "quarantine";

    public static final String SOURCE_TABLE = "source_table";
    public static final String REASON_CODE = "reason_code";
    public static final String REASON_DETAIL = "reason_detail";
    public static final String RAW_RECORD = "raw_record";

    public static final StructType SCHEMA = new StructType()
            .add(SOURCE_TABLE, StringType, false)
            .add(REASON_CODE, StringType, false)
            .add(REASON_DETAIL, StringType, true)
            .add(RAW_RECORD, StringType, true)
            .add(OutputColumns.RUN_DATE, DateType, false)
            .add(OutputColumns.RUN_ID, StringType, false);

    private QuarantineTable() {
    }
}
