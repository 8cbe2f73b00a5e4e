package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: every backtest forecast of the chosen model against the actual, with the baseline's forecast
 * beside it, so notebooks can plot forecast against actual per origin. {@code series_forecast_backtest} has the
 * same columns keyed by series_id.
 */
public final class ForecastBacktestTable {
    public static final String NAME = "forecast_backtest";
    public static final String SERIES_NAME = "series_forecast_backtest";

    /** The last bucket the model saw. */
    public static final String ORIGIN_PERIOD_START = "origin_period_start";
    public static final String PERIOD_START = Columns.PERIOD_START;
    public static final String HORIZON_STEP = Columns.HORIZON_STEP;
    public static final String ACTUAL = "actual";
    public static final String FORECAST = Columns.FORECAST;
    public static final String LOWER_80 = Columns.LOWER_80;
    public static final String UPPER_80 = Columns.UPPER_80;
    public static final String LOWER_95 = Columns.LOWER_95;
    public static final String UPPER_95 = Columns.UPPER_95;
    public static final String BASELINE_FORECAST = "baseline_forecast";
    public static final String MODEL = Columns.MODEL;

    private static final List<ColumnSpec> MEASURE_COLUMNS = List.of(
            key(ORIGIN_PERIOD_START, DateType, "The last bucket the model saw"),
            key(PERIOD_START),
            required(HORIZON_STEP, "Buckets after the origin, from 1"),
            required(ACTUAL, DoubleType, "The actual demand of the bucket"),
            required(FORECAST),
            required(LOWER_80),
            required(UPPER_80),
            required(LOWER_95),
            required(UPPER_95),
            required(BASELINE_FORECAST, DoubleType, "The seasonal-naive baseline's forecast"),
            required(MODEL));

    public static final StructType MEASURES = new TableContract(NAME, MEASURE_COLUMNS).schema();

    public static final TableContract CONTRACT = new TableContract(NAME, withMeasures(List.of(
            nullable(SegmentDemandForecastTable.SEGMENT_ID, "Null: demand without a customer"),
            key(SegmentDemandForecastTable.CATEGORY),
            key(SegmentDemandForecastTable.REGION, "The region, ALL when forecasts are not split by region"))));

    public static final TableContract SERIES_CONTRACT = new TableContract(SERIES_NAME, withMeasures(List.of(
            key(ForecastAccuracyTable.SERIES_ID))));

    public static final StructType SCHEMA = CONTRACT.schema();

    public static final StructType SERIES_SCHEMA = SERIES_CONTRACT.schema();

    private static List<ColumnSpec> withMeasures(List<ColumnSpec> keys) {
        List<ColumnSpec> columns = new ArrayList<>(keys);
        columns.addAll(MEASURE_COLUMNS);
        return columns;
    }

    private ForecastBacktestTable() {
    }
}
