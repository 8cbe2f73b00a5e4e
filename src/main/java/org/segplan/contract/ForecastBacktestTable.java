package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructField;
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
    public static final String PERIOD_START = "period_start";
    public static final String HORIZON_STEP = "horizon_step";
    public static final String ACTUAL = "actual";
    public static final String FORECAST = "forecast";
    public static final String LOWER_80 = "lower_80";
    public static final String UPPER_80 = "upper_80";
    public static final String LOWER_95 = "lower_95";
    public static final String UPPER_95 = "upper_95";
    public static final String BASELINE_FORECAST = "baseline_forecast";
    public static final String MODEL = "model";

    public static final StructType MEASURES = new StructType()
            .add(ORIGIN_PERIOD_START, DateType, false)
            .add(PERIOD_START, DateType, false)
            .add(HORIZON_STEP, IntegerType, false)
            .add(ACTUAL, DoubleType, false)
            .add(FORECAST, DoubleType, false)
            .add(LOWER_80, DoubleType, false)
            .add(UPPER_80, DoubleType, false)
            .add(LOWER_95, DoubleType, false)
            .add(UPPER_95, DoubleType, false)
            .add(BASELINE_FORECAST, DoubleType, false)
            .add(MODEL, StringType, false);

    public static final StructType SCHEMA = withKeys(new StructType()
            .add(SegmentDemandForecastTable.SEGMENT_ID, IntegerType, true)
            .add(SegmentDemandForecastTable.CATEGORY, StringType, false)
            .add(SegmentDemandForecastTable.REGION, StringType, false));

    public static final StructType SERIES_SCHEMA = withKeys(
            new StructType().add(ForecastAccuracyTable.SERIES_ID, StringType, false));

    private static StructType withKeys(StructType keys) {
        StructType result = keys;
        for (StructField field : MEASURES.fields()) {
            result = result.add(field);
        }
        return result;
    }

    private ForecastBacktestTable() {
    }
}
