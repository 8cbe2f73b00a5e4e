package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: forecast net demand per segment x category (x region when configured) x future period.
 * Allocation disaggregates it to demand zones.
 */
public final class SegmentDemandForecastTable {
    public static final String NAME = "segment_demand_forecast";

    /** Null segment: demand from transactions without a customer (anonymous demand), still planned for. */
    public static final String SEGMENT_ID = "segment_id";
    public static final String CATEGORY = "category";
    /** "ALL" when forecasts are not split by region. */
    public static final String REGION = "region";
    /** First day of the period (bucket), e.g. the Monday of the week. */
    public static final String PERIOD_START = "period_start";
    /** 1 for the first period after the run date. */
    public static final String HORIZON_STEP = "horizon_step";
    public static final String FORECAST_UNITS = "forecast_units";
    public static final String LOWER_80 = "lower_80";
    public static final String UPPER_80 = "upper_80";
    public static final String LOWER_95 = "lower_95";
    public static final String UPPER_95 = "upper_95";
    public static final String FORECAST_VALUE = "forecast_value";
    public static final String MODEL = "model";

    public static final StructType SCHEMA = new StructType()
            .add(SEGMENT_ID, IntegerType, true)
            .add(CATEGORY, StringType, false)
            .add(REGION, StringType, false)
            .add(PERIOD_START, DateType, false)
            .add(HORIZON_STEP, IntegerType, false)
            .add(FORECAST_UNITS, DoubleType, false)
            .add(LOWER_80, DoubleType, false)
            .add(UPPER_80, DoubleType, false)
            .add(LOWER_95, DoubleType, false)
            .add(UPPER_95, DoubleType, false)
            .add(FORECAST_VALUE, DoubleType, false)
            .add(MODEL, StringType, false);

    private SegmentDemandForecastTable() {
    }
}
