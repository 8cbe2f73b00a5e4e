package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: rolling-origin backtest accuracy of the chosen model beside the seasonal-naive baseline's, per
 * series ({@code level = "series"}) and per segment over its categories and regions ({@code level = "segment"},
 * category and region "ALL"). {@code series_forecast_accuracy} has the same columns keyed by series_id.
 */
public final class ForecastAccuracyTable {
    public static final String NAME = "forecast_accuracy";
    public static final String SERIES_NAME = "series_forecast_accuracy";

    public static final String LEVEL = Columns.LEVEL;
    public static final String SERIES = "series";
    public static final String SEGMENT = "segment";
    public static final String ALL = "ALL";
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String CATEGORY = Columns.CATEGORY;
    public static final String REGION = Columns.REGION;
    public static final String SERIES_ID = Columns.SERIES_ID;
    /** smooth, erratic, intermittent or lumpy (segment level: the classes of its series with counts). */
    public static final String DEMAND_CLASS = "demand_class";
    public static final String MODEL = Columns.MODEL;
    public static final String MODEL_PARAMETERS = "model_parameters";
    public static final String SELECTION_REASON = "selection_reason";
    public static final String CALENDAR_EFFECTS = "calendar_effects";
    public static final String METRIC = Columns.METRIC;
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
    public static final String MEAN_DEMAND = Columns.MEAN_DEMAND_PER_BUCKET;

    /** Columns after the keys, shared by forecast_accuracy and series_forecast_accuracy. */
    private static final List<ColumnSpec> MEASURE_COLUMNS = List.of(
            required(DEMAND_CLASS, StringType,
                    "smooth, erratic, intermittent or lumpy (segment level: the classes of its series with counts)"),
            required(MODEL, "The chosen model"),
            nullable(MODEL_PARAMETERS, StringType, "Its fitted parameters"),
            required(SELECTION_REASON, StringType, "Why it was chosen"),
            nullable(CALENDAR_EFFECTS, StringType, "Calendar regressors used (holidays, promotions)"),
            required(METRIC, "The metric the model was chosen on"),
            nullable(WAPE, DoubleType, "Sum of absolute errors over sum of actuals, over every origin and step"),
            nullable(MASE, DoubleType, "Mean absolute error over the in-sample mean absolute change (one-step naive)"),
            nullable(BIAS, DoubleType, "Sum of (forecast - actual) over sum of actuals: positive means over-forecasting"),
            nullable(COVERAGE_80, DoubleType, "Share of actuals inside the 80% interval"),
            nullable(COVERAGE_95, DoubleType, "Share of actuals inside the 95% interval"),
            required(BACKTEST_FOLDS, IntegerType, "Rolling origins of the backtest"),
            nullable(FIRST_ORIGIN, DateType, "The last bucket seen by the first origin"),
            nullable(LAST_ORIGIN, DateType, "The last bucket seen by the last origin"),
            nullable(BASELINE_MODEL, StringType, "The seasonal-naive baseline"),
            nullable(BASELINE_WAPE, DoubleType, "The baseline's WAPE"),
            nullable(BASELINE_MASE, DoubleType, "The baseline's MASE"),
            nullable(FORECAST_VALUE_ADDED, DoubleType, "baseline_wape - wape: positive when the model beats the baseline"),
            required(HISTORY_BUCKETS, IntegerType, "Buckets of history"),
            required(MEAN_DEMAND, "Mean demand per bucket of the history"));

    /** Columns after the keys, shared by forecast_accuracy and series_forecast_accuracy. */
    public static final StructType MEASURES = new TableContract(NAME, MEASURE_COLUMNS).schema();

    public static final TableContract CONTRACT = new TableContract(NAME, withMeasures(List.of(
            key(LEVEL, "series or segment"),
            nullable(SEGMENT_ID, "Null: demand without a customer"),
            key(CATEGORY, "The product category, ALL at segment level"),
            key(REGION, "The region, ALL when not split by region or at segment level"))));

    public static final TableContract SERIES_CONTRACT = new TableContract(SERIES_NAME, withMeasures(List.of(
            key(SERIES_ID))));

    public static final StructType SCHEMA = CONTRACT.schema();

    public static final StructType SERIES_SCHEMA = SERIES_CONTRACT.schema();

    private static List<ColumnSpec> withMeasures(List<ColumnSpec> keys) {
        List<ColumnSpec> columns = new ArrayList<>(keys);
        columns.addAll(MEASURE_COLUMNS);
        return columns;
    }

    private ForecastAccuracyTable() {
    }
}
