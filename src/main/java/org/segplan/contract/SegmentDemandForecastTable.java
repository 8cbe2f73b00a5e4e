package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: forecast net demand per segment x category (x region when configured) x future period.
 * Allocation disaggregates it to demand zones.
 */
public final class SegmentDemandForecastTable {
    public static final String NAME = "segment_demand_forecast";

    /** Null segment: demand from transactions without a customer (anonymous demand), still planned for. */
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String CATEGORY = Columns.CATEGORY;
    /** "ALL" when forecasts are not split by region. */
    public static final String REGION = Columns.REGION;
    /** First day of the period (bucket), e.g. the Monday of the week. */
    public static final String PERIOD_START = Columns.PERIOD_START;
    /** 1 for the first period after the run date. */
    public static final String HORIZON_STEP = Columns.HORIZON_STEP;
    public static final String FORECAST_UNITS = "forecast_units";
    public static final String LOWER_80 = Columns.LOWER_80;
    public static final String UPPER_80 = Columns.UPPER_80;
    public static final String LOWER_95 = Columns.LOWER_95;
    public static final String UPPER_95 = Columns.UPPER_95;
    public static final String FORECAST_VALUE = "forecast_value";
    public static final String MODEL = Columns.MODEL;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            nullable(SEGMENT_ID, "Null: demand from transactions without a customer, still planned for"),
            key(CATEGORY),
            key(REGION, "The region, ALL when forecasts are not split by region"),
            key(PERIOD_START),
            required(HORIZON_STEP),
            required(FORECAST_UNITS, DoubleType, "Forecast net units"),
            required(LOWER_80),
            required(UPPER_80),
            required(LOWER_95),
            required(UPPER_95),
            required(FORECAST_VALUE, DoubleType, "Forecast units x the series' mean unit price"),
            required(MODEL)));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentDemandForecastTable() {
    }
}
