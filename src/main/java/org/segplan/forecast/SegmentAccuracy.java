package org.segplan.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;

/** The segment level of forecast_accuracy: every series and backtest point of a segment pooled into one row. */
public final class SegmentAccuracy {
    private static final String SERIES_COUNT = "series_count";

    private SegmentAccuracy() {
    }

    /**
     * WAPE, bias and coverage pooled over the segment's backtest points, MASE the mean of its series' MASE; model
     * and demand class list the series' own.
     *
     * @param seriesAccuracy forecast_accuracy rows of level "series"
     * @param backtest forecast_backtest rows of the same series
     */
    public static Dataset<Row> rollUp(Dataset<Row> seriesAccuracy, Dataset<Row> backtest) {
        Column error = col(ForecastBacktestTable.FORECAST).minus(col(ForecastBacktestTable.ACTUAL));
        Column baselineError = col(ForecastBacktestTable.BASELINE_FORECAST).minus(col(ForecastBacktestTable.ACTUAL));
        Column actual = abs(col(ForecastBacktestTable.ACTUAL));
        Column inside80 = when(col(ForecastBacktestTable.ACTUAL).between(col(ForecastBacktestTable.LOWER_80),
                col(ForecastBacktestTable.UPPER_80)), lit(1.0)).otherwise(lit(0.0));
        Column inside95 = when(col(ForecastBacktestTable.ACTUAL).between(col(ForecastBacktestTable.LOWER_95),
                col(ForecastBacktestTable.UPPER_95)), lit(1.0)).otherwise(lit(0.0));
        Dataset<Row> points = backtest.groupBy(ForecastAccuracyTable.SEGMENT_ID).agg(
                sum(abs(error)).divide(sum(actual)).as(ForecastAccuracyTable.WAPE),
                sum(error).divide(sum(col(ForecastBacktestTable.ACTUAL))).as(ForecastAccuracyTable.BIAS),
                avg(inside80).as(ForecastAccuracyTable.COVERAGE_80),
                avg(inside95).as(ForecastAccuracyTable.COVERAGE_95),
                sum(abs(baselineError)).divide(sum(actual)).as(ForecastAccuracyTable.BASELINE_WAPE));
        Dataset<Row> series = seriesAccuracy.groupBy(ForecastAccuracyTable.SEGMENT_ID).agg(
                concat_ws(", ", sort_array(collect_list(ForecastAccuracyTable.DEMAND_CLASS))).as(ForecastAccuracyTable.DEMAND_CLASS),
                concat_ws(", ", sort_array(collect_list(ForecastAccuracyTable.MODEL))).as(ForecastAccuracyTable.MODEL),
                count(lit(1)).as(SERIES_COUNT),
                avg(ForecastAccuracyTable.MASE).as(ForecastAccuracyTable.MASE),
                avg(ForecastAccuracyTable.BASELINE_MASE).as(ForecastAccuracyTable.BASELINE_MASE),
                first(ForecastAccuracyTable.METRIC).as(ForecastAccuracyTable.METRIC),
                max(ForecastAccuracyTable.BACKTEST_FOLDS).as(ForecastAccuracyTable.BACKTEST_FOLDS),
                min(ForecastAccuracyTable.FIRST_ORIGIN).as(ForecastAccuracyTable.FIRST_ORIGIN),
                max(ForecastAccuracyTable.LAST_ORIGIN).as(ForecastAccuracyTable.LAST_ORIGIN),
                max(ForecastAccuracyTable.HISTORY_BUCKETS).as(ForecastAccuracyTable.HISTORY_BUCKETS),
                sum(ForecastAccuracyTable.MEAN_DEMAND).as(ForecastAccuracyTable.MEAN_DEMAND),
                // The distinct baselines: seasonal naive falls back to naive on series shorter than two seasons.
                concat_ws(", ", sort_array(collect_set(ForecastAccuracyTable.BASELINE_MODEL)))
                        .as(ForecastAccuracyTable.BASELINE_MODEL));
        Dataset<Row> joined = series.join(points, series.col(ForecastAccuracyTable.SEGMENT_ID)
                .eqNullSafe(points.col(ForecastAccuracyTable.SEGMENT_ID)), "left")
                .drop(points.col(ForecastAccuracyTable.SEGMENT_ID));
        return joined.select(
                lit(ForecastAccuracyTable.SEGMENT).as(ForecastAccuracyTable.LEVEL),
                col(ForecastAccuracyTable.SEGMENT_ID),
                lit(ForecastAccuracyTable.ALL).as(ForecastAccuracyTable.CATEGORY),
                lit(ForecastAccuracyTable.ALL).as(ForecastAccuracyTable.REGION),
                col(ForecastAccuracyTable.DEMAND_CLASS),
                col(ForecastAccuracyTable.MODEL),
                lit(null).cast("string").as(ForecastAccuracyTable.MODEL_PARAMETERS),
                concat_ws("", lit("pooled over "), col(SERIES_COUNT).cast("string"), lit(" series"))
                        .as(ForecastAccuracyTable.SELECTION_REASON),
                lit(null).cast("string").as(ForecastAccuracyTable.CALENDAR_EFFECTS),
                col(ForecastAccuracyTable.METRIC),
                col(ForecastAccuracyTable.WAPE),
                col(ForecastAccuracyTable.MASE),
                col(ForecastAccuracyTable.BIAS),
                col(ForecastAccuracyTable.COVERAGE_80),
                col(ForecastAccuracyTable.COVERAGE_95),
                col(ForecastAccuracyTable.BACKTEST_FOLDS),
                col(ForecastAccuracyTable.FIRST_ORIGIN),
                col(ForecastAccuracyTable.LAST_ORIGIN),
                col(ForecastAccuracyTable.BASELINE_MODEL),
                col(ForecastAccuracyTable.BASELINE_WAPE),
                col(ForecastAccuracyTable.BASELINE_MASE),
                col(ForecastAccuracyTable.BASELINE_WAPE).minus(col(ForecastAccuracyTable.WAPE))
                        .as(ForecastAccuracyTable.FORECAST_VALUE_ADDED),
                col(ForecastAccuracyTable.HISTORY_BUCKETS),
                col(ForecastAccuracyTable.MEAN_DEMAND));
    }
}
