package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: the actual net demand series the forecasts were made from, per segment x category x region x
 * bucket, zero-filled from the first bucket with demand to the last full bucket, with the calendar counts.
 */
public final class SegmentDemandHistoryTable {
    public static final String NAME = "segment_demand_history";

    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String CATEGORY = Columns.CATEGORY;
    public static final String REGION = Columns.REGION;
    public static final String PERIOD_START = Columns.PERIOD_START;
    /** Units ordered minus units returned. */
    public static final String DEMAND_UNITS = Columns.DEMAND_UNITS;
    /** Quantity x unit price, returns subtracted. */
    public static final String DEMAND_VALUE = "demand_value";
    public static final String HOLIDAY_DAYS = "holiday_days";
    public static final String PROMOTION_DAYS = "promotion_days";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            nullable(SEGMENT_ID, "Null: demand from transactions without a customer"),
            key(CATEGORY),
            key(REGION, "The region, ALL when forecasts are not split by region"),
            key(PERIOD_START),
            required(DEMAND_UNITS, "Units ordered minus units returned"),
            required(DEMAND_VALUE, DoubleType, "Quantity x unit price, returns subtracted"),
            required(HOLIDAY_DAYS, IntegerType, "Holidays in the bucket (calendar)"),
            required(PROMOTION_DAYS, IntegerType, "Promotion days in the bucket (calendar)")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentDemandHistoryTable() {
    }
}
