package org.segplan.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.testing.SharedSpark;

/** The segment roll-up of forecast accuracy on hand-made series rows and backtest points. */
class SegmentAccuracyTest {
    private static final Date FIRST = Date.valueOf("2025-01-06");
    private static final Date LAST = Date.valueOf("2025-06-30");

    @Test
    void pointsArePooledAndSeriesAveragedPerSegment() {
        StructType seriesSchema = new StructType()
                .add(ForecastAccuracyTable.SEGMENT_ID, DataTypes.IntegerType)
                .add(ForecastAccuracyTable.DEMAND_CLASS, DataTypes.StringType)
                .add(ForecastAccuracyTable.MODEL, DataTypes.StringType)
                .add(ForecastAccuracyTable.MASE, DataTypes.DoubleType)
                .add(ForecastAccuracyTable.BASELINE_MASE, DataTypes.DoubleType)
                .add(ForecastAccuracyTable.METRIC, DataTypes.StringType)
                .add(ForecastAccuracyTable.BACKTEST_FOLDS, DataTypes.IntegerType)
                .add(ForecastAccuracyTable.FIRST_ORIGIN, DataTypes.DateType)
                .add(ForecastAccuracyTable.LAST_ORIGIN, DataTypes.DateType)
                .add(ForecastAccuracyTable.HISTORY_BUCKETS, DataTypes.IntegerType)
                .add(ForecastAccuracyTable.MEAN_DEMAND, DataTypes.DoubleType)
                .add(ForecastAccuracyTable.BASELINE_MODEL, DataTypes.StringType);
        Dataset<Row> series = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create(1, "smooth", "ses", 0.5, 1.0, "wape", 8, FIRST, LAST, 104, 10.0, "seasonal-naive"),
                RowFactory.create(1, "intermittent", "croston", 1.5, 2.0, "wape", 6, Date.valueOf("2025-02-03"),
                        Date.valueOf("2025-07-28"), 80, 2.0, "naive"),
                RowFactory.create(null, "smooth", "naive", 0.8, 0.9, "wape", 8, FIRST, LAST, 104, 5.0, "seasonal-naive")),
                seriesSchema);
        StructType pointSchema = new StructType()
                .add(ForecastAccuracyTable.SEGMENT_ID, DataTypes.IntegerType)
                .add(ForecastBacktestTable.ACTUAL, DataTypes.DoubleType)
                .add(ForecastBacktestTable.FORECAST, DataTypes.DoubleType)
                .add(ForecastBacktestTable.LOWER_80, DataTypes.DoubleType)
                .add(ForecastBacktestTable.UPPER_80, DataTypes.DoubleType)
                .add(ForecastBacktestTable.LOWER_95, DataTypes.DoubleType)
                .add(ForecastBacktestTable.UPPER_95, DataTypes.DoubleType)
                .add(ForecastBacktestTable.BASELINE_FORECAST, DataTypes.DoubleType);
        // Segment 1: errors +2, -1, +3 on actuals 10, 10, 20 (baseline errors 4, 4, 2); only the first point is
        // inside its 80% interval, the first two inside the 95% one.
        Dataset<Row> points = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create(1, 10.0, 12.0, 9.0, 13.0, 8.0, 14.0, 14.0),
                RowFactory.create(1, 10.0, 9.0, 10.5, 11.0, 7.0, 12.0, 6.0),
                RowFactory.create(1, 20.0, 23.0, 21.0, 25.0, 21.0, 26.0, 22.0),
                RowFactory.create(null, 4.0, 5.0, 3.0, 6.0, 2.0, 7.0, 6.0)), pointSchema);

        Map<String, Row> bySegment = new TreeMap<>();
        Dataset<Row> rolledUp = SegmentAccuracy.rollUp(series, points);
        rolledUp.collectAsList().forEach(row -> bySegment.put(String.valueOf(row.<Integer>getAs("segment_id")), row));
        assertEquals(List.of("1", "null"), List.copyOf(bySegment.keySet()));
        Row one = bySegment.get("1");
        assertEquals(ForecastAccuracyTable.SEGMENT, one.getAs(ForecastAccuracyTable.LEVEL));
        assertEquals("ALL", one.getAs(ForecastAccuracyTable.CATEGORY));
        assertEquals("ALL", one.getAs(ForecastAccuracyTable.REGION));
        assertEquals(6.0 / 40, one.<Double>getAs(ForecastAccuracyTable.WAPE), 1e-12);
        assertEquals(4.0 / 40, one.<Double>getAs(ForecastAccuracyTable.BIAS), 1e-12);
        assertEquals(10.0 / 40, one.<Double>getAs(ForecastAccuracyTable.BASELINE_WAPE), 1e-12);
        assertEquals(10.0 / 40 - 6.0 / 40, one.<Double>getAs(ForecastAccuracyTable.FORECAST_VALUE_ADDED), 1e-12);
        assertEquals(1.0 / 3, one.<Double>getAs(ForecastAccuracyTable.COVERAGE_80), 1e-12);
        assertEquals(2.0 / 3, one.<Double>getAs(ForecastAccuracyTable.COVERAGE_95), 1e-12);
        assertEquals(1.0, one.<Double>getAs(ForecastAccuracyTable.MASE), 1e-12);
        assertEquals(1.5, one.<Double>getAs(ForecastAccuracyTable.BASELINE_MASE), 1e-12);
        assertEquals("croston, ses", one.getAs(ForecastAccuracyTable.MODEL));
        assertEquals("intermittent, smooth", one.getAs(ForecastAccuracyTable.DEMAND_CLASS));
        assertEquals("naive, seasonal-naive", one.getAs(ForecastAccuracyTable.BASELINE_MODEL));
        assertEquals("pooled over 2 series", one.getAs(ForecastAccuracyTable.SELECTION_REASON));
        assertEquals(8, one.<Integer>getAs(ForecastAccuracyTable.BACKTEST_FOLDS));
        assertEquals(FIRST, one.getAs(ForecastAccuracyTable.FIRST_ORIGIN));
        assertEquals(Date.valueOf("2025-07-28"), one.getAs(ForecastAccuracyTable.LAST_ORIGIN));
        assertEquals(104, one.<Integer>getAs(ForecastAccuracyTable.HISTORY_BUCKETS));
        assertEquals(12.0, one.<Double>getAs(ForecastAccuracyTable.MEAN_DEMAND), 1e-12);
        assertNull(one.getAs(ForecastAccuracyTable.MODEL_PARAMETERS));
        // Unsegmented demand is a segment of its own (null matched to null).
        Row unsegmented = bySegment.get("null");
        assertEquals(1.0 / 4, unsegmented.<Double>getAs(ForecastAccuracyTable.WAPE), 1e-12);
        assertEquals(1.0, unsegmented.<Double>getAs(ForecastAccuracyTable.COVERAGE_80), 1e-12);
        assertEquals("pooled over 1 series", unsegmented.getAs(ForecastAccuracyTable.SELECTION_REASON));
        // The roll-up has the accuracy table's columns, in order, so it unions with the series rows.
        assertEquals(List.of(ForecastAccuracyTable.SCHEMA.fieldNames()), List.of(rolledUp.columns()));
    }
}
