package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.optional;

import java.util.List;

/** Optional input contract: one row per date that carries a holiday or a promotion. */
public final class CalendarTable {
    public static final String NAME = "calendar";

    public static final String CALENDAR_DATE = "calendar_date";
    public static final String IS_HOLIDAY = "is_holiday";
    public static final String HOLIDAY_NAME = "holiday_name";
    public static final String IS_PROMOTION = "is_promotion";
    public static final String PROMOTION_NAME = "promotion_name";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(CALENDAR_DATE, DateType, "The date"),
            optional(IS_HOLIDAY, BooleanType, "True on a public holiday"),
            optional(HOLIDAY_NAME, StringType, "Name of the holiday"),
            optional(IS_PROMOTION, BooleanType, "True while a promotion runs"),
            optional(PROMOTION_NAME, StringType, "Name of the promotion")));

    private CalendarTable() {
    }
}
