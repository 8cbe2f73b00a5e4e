package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: every input row that failed a check, with why. */
public final class QuarantineTable {
    public static final String NAME = "quarantine";

    public static final String SOURCE_TABLE = "source_table";
    public static final String REASON_CODE = "reason_code";
    public static final String REASON_DETAIL = "reason_detail";
    public static final String RAW_RECORD = "raw_record";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            required(SOURCE_TABLE, StringType, "The input the row came from"),
            required(REASON_CODE, StringType, "Why it was rejected, e.g. DUPLICATE_KEY"),
            nullable(REASON_DETAIL, StringType, "The column and value that failed"),
            nullable(RAW_RECORD, StringType, "The row as JSON text, as read"),
            required(Columns.RUN_DATE),
            required(Columns.RUN_ID)));

    public static final StructType SCHEMA = CONTRACT.schema();

    private QuarantineTable() {
    }
}
