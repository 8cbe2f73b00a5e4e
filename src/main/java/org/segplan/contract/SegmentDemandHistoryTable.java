package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: the actual net demand series the forecasts were made from, per segment x category x region x
 * bucket, zero-filled from the first bucket with demand to the last full bucket, with the calendar counts.
 */
public final class SegmentDemandHistoryTable {
    public static final String NAME = "segment_demand_history";

    public static final String SEGMENT_ID = SegmentDemandForecastTable.SEGMENT_ID;
    public static final String CATEGORY = SegmentDemandForecastTable.CATEGORY;
    public static final String REGION = SegmentDemandForecastTable.REGION;
    public static final String PERIOD_START = SegmentDemandForecastTable.PERIOD_START;
    /** Units ordered minus units returned. */
    public static final String DEMAND_UNITS = "demand_units";
    /** Quantity x unit price, returns subtracted. */
    public static final String DEMAND_VALUE = "demand_value";
    public static final String HOLIDAY_DAYS = "holiday_days";
    public static final String PROMOTION_DAYS = "promotion_days";

    public static final StructType SCHEMA = new StructType()
            .add(SEGMENT_ID, IntegerType, true)
            .add(CATEGORY, StringType, false)
            .add(REGION, StringType, false)
            .add(PERIOD_START, DateType, false)
            .add(DEMAND_UNITS, DoubleType, false)
            .add(DEMAND_VALUE, DoubleType, false)
            .add(HOLIDAY_DAYS, IntegerType, false)
            .add(PROMOTION_DAYS, IntegerType, false);

    private SegmentDemandHistoryTable() {
    }
}
