package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: rolling-origin backtest accuracy of the chosen model beside the seasonal-naive baseline's, per
 * series ({@code level = "series"}) and per segment over its categories and regions ({@code level = "segment"},
 * category and region "ALL"). {@code series_forecast_accuracy} has the same columns keyed by series_id.
 */
public final class ForecastAccuracyTable {
    public static final String NAME = "forecast_accuracy";
    public static final String SERIES_NAME = "series_forecast_accuracy";

    public static final String LEVEL = "level";
    public static final String SERIES = "series";
    public static final String SEGMENT = "segment";
    public static final String ALL = "ALL";
    public static final String SEGMENT_ID = SegmentDemandForecastTable.SEGMENT_ID;
    public static final String CATEGORY = SegmentDemandForecastTable.CATEGORY;
    public static final String REGION = SegmentDemandForecastTable.REGION;
    public static final String SERIES_ID = "series_id";
    /** smooth, erratic, intermittent or lumpy (segment level: the classes of its series with counts). */
    public static final String DEMAND_CLASS = "demand_class";
    public static final String MODEL = "model";
    public static final String MODEL_PARAMETERS = "model_parameters";
    public static final String SELECTION_REASON = "selection_reason";
    public static final String CALENDAR_EFFECTS = "calendar_effects";
    public static final String METRIC = "metric";
    /** Sum of absolute errors over sum of actuals, over every origin and step. */
    public static final String WAPE = "wape";
    /** Mean absolute error over the in-sample mean absolute change (one-step naive). */
    public static final String MASE = "mase";
    /** Sum of (forecast - actual) over sum of actuals: positive means over-forecasting. */
    public static final String BIAS = "bias";
    public static final String COVERAGE_80 = "coverage_80";
    public static final String COVERAGE_95 = "coverage_95";
    public static final String BACKTEST_FOLDS = "backtest_folds";
    /** The last bucket seen by the first and by the last origin. */
    public static final String FIRST_ORIGIN = "backtest_first_origin";
    public static final String LAST_ORIGIN = "backtest_last_origin";
    public static final String BASELINE_MODEL = "baseline_model";
    public static final String BASELINE_WAPE = "baseline_wape";
    public static final String BASELINE_MASE = "baseline_mase";
    /** baseline_wape - wape: positive when the chosen model beats the baseline. */
    public static final String FORECAST_VALUE_ADDED = "forecast_value_added";
    public static final String HISTORY_BUCKETS = "history_buckets";
    public static final String MEAN_DEMAND = "mean_demand_per_bucket";

    /** Columns after the keys, shared by forecast_accuracy and series_forecast_accuracy. */
    public static final StructType MEASURES = new StructType()
            .add(DEMAND_CLASS, StringType, false)
            .add(MODEL, StringType, false)
            .add(MODEL_PARAMETERS, StringType, true)
            .add(SELECTION_REASON, StringType, false)
            .add(CALENDAR_EFFECTS, StringType, true)
            .add(METRIC, StringType, false)
            .add(WAPE, DoubleType, true)
            .add(MASE, DoubleType, true)
            .add(BIAS, DoubleType, true)
            .add(COVERAGE_80, DoubleType, true)
            .add(COVERAGE_95, DoubleType, true)
            .add(BACKTEST_FOLDS, IntegerType, false)
            .add(FIRST_ORIGIN, DateType, true)
            .add(LAST_ORIGIN, DateType, true)
            .add(BASELINE_MODEL, StringType, true)
            .add(BASELINE_WAPE, DoubleType, true)
            .add(BASELINE_MASE, DoubleType, true)
            .add(FORECAST_VALUE_ADDED, DoubleType, true)
            .add(HISTORY_BUCKETS, IntegerType, false)
            .add(MEAN_DEMAND, DoubleType, false);

    public static final StructType SCHEMA = withKeys(new StructType()
            .add(LEVEL, StringType, false)
            .add(SEGMENT_ID, IntegerType, true)
            .add(CATEGORY, StringType, false)
            .add(REGION, StringType, false));

    public static final StructType SERIES_SCHEMA = withKeys(new StructType().add(SERIES_ID, StringType, false));

    private static StructType withKeys(StructType keys) {
        StructType result = keys;
        for (StructField field : MEASURES.fields()) {
            result = result.add(field);
        }
        return result;
    }

    private ForecastAccuracyTable() {
    }
}
