package org.segplan.forecast;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.SeriesForecastTable;
import org.segplan.testing.SharedSpark;

/** The forecast-series entry on a small long table: a flat series, a trend with a promotion column, a short one. */
class SeriesTableForecastingTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static final LocalDate FIRST_WEEK = LocalDate.of(2024, 1, 1);

    @Test
    void forecastsAnyLongTable() {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            Date week = Date.valueOf(FIRST_WEEK.plusWeeks(43 + t));
            rows.add(RowFactory.create("flat", week, 20.0 + t % 3, 0.0));
            rows.add(RowFactory.create("trend", week, 100.0 + 4 * t, t % 7 == 0 ? 1.0 : 0.0));
        }
        rows.add(RowFactory.create("short", Date.valueOf("2025-12-08"), 5.0, 0.0));
        rows.add(RowFactory.create("short", Date.valueOf("2025-12-15"), 7.0, 0.0));
        Dataset<Row> table = SharedSpark.get().createDataFrame(rows, new StructType()
                .add(SeriesForecastTable.INPUT_SERIES_ID, DataTypes.StringType)
                .add(SeriesForecastTable.INPUT_PERIOD, DataTypes.DateType)
                .add(SeriesForecastTable.INPUT_VALUE, DataTypes.DoubleType)
                .add("promo", DataTypes.DoubleType));
        try (ForecastResult result = SeriesTableForecasting.compute("series.csv", table, List.of("promo"),
                ForecastDefaults.settings(Bucket.WEEK), RUN_DATE)) {
            assertEquals(List.of(SeriesForecastTable.NAME, ForecastAccuracyTable.SERIES_NAME,
                    ForecastBacktestTable.SERIES_NAME), List.copyOf(result.tables().keySet()));
            assertEquals(3, result.seriesCount());
            Dataset<Row> forecasts = result.table(SeriesForecastTable.NAME);
            assertEquals(3 * 13, forecasts.count());
            Dataset<Row> accuracy = result.table(ForecastAccuracyTable.SERIES_NAME);
            assertEquals(3, accuracy.count());
            Row trend = accuracy.where(col("series_id").equalTo("trend")).head();
            assertTrue(List.of("holt", "damped-trend").contains(trend.<String>getAs("model")), trend.toString());
            Row shortSeries = accuracy.where(col("series_id").equalTo("short")).head();
            assertTrue(shortSeries.<String>getAs("selection_reason").startsWith("fallback mean"), shortSeries.toString());
            // The trend's last value is 100 + 4 x 59 = 336 in the week of 2025-12-15: next week about 340.
            Row next = forecasts.where(col("series_id").equalTo("trend").and(col("horizon_step").equalTo(1))).head();
            assertEquals(LocalDate.of(2025, 12, 22), next.<java.sql.Date>getAs("period_start").toLocalDate());
            assertEquals(340, next.<Double>getAs("forecast"), 5);
            assertEquals(List.of("3 series from series.csv (weekly, last full bucket 2025-12-22), regressors [promo]"),
                    result.notes());
        }
    }
}
