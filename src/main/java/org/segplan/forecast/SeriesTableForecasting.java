package org.segplan.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.SeriesForecastTable;

/**
 * The forecast-series entry: the engine on any long-format table (series_id, period, value and optional 0/1
 * regressor columns), with the same model choice; values after the run date's last full bucket are left out.
 */
public final class SeriesTableForecasting {
    private SeriesTableForecasting() {
    }

    /**
     * @param source where the rows came from, for the notes
     * @param rows the columns of {@link SeriesForecastTable}'s input plus the regressor columns
     * @return series_forecast, series_forecast_accuracy and series_forecast_backtest, in that order; close it once
     *     they are written
     */
    public static ForecastResult compute(String source, Dataset<Row> rows, List<String> regressors,
            ForecastSettings settings, LocalDate runDate) {
        Buckets buckets = new Buckets(settings.bucket());
        LocalDate lastFull = buckets.lastFullStart(runDate);
        List<Column> columns = new ArrayList<>(List.of(
                col(SeriesForecastTable.INPUT_SERIES_ID).as(SeriesInputColumns.SERIES_ID),
                lit(null).cast("int").as(SeriesInputColumns.SEGMENT_ID),
                lit(null).cast("string").as(SeriesInputColumns.CATEGORY),
                lit(null).cast("string").as(SeriesInputColumns.REGION),
                col(SeriesForecastTable.INPUT_PERIOD).as(SeriesInputColumns.PERIOD_START),
                col(SeriesForecastTable.INPUT_VALUE).as(SeriesInputColumns.UNITS),
                lit(null).cast("double").as(SeriesInputColumns.VALUE)));
        regressors.forEach(name -> columns.add(col(name)));
        SeriesTask task = new SeriesTask(settings.engine(), buckets, lastFull, false, regressors, Map.of(), null);
        Dataset<SeriesOutcome> outcomes = SeriesForecasting.forecast(rows.select(columns.toArray(Column[]::new)), task)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long series = outcomes.count();
            ForecastRows.Keys keys = ForecastRows.Keys.SERIES;
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            tables.put(SeriesForecastTable.NAME, SeriesForecasting.rows(outcomes, SeriesForecastTable.SCHEMA,
                    outcome -> ForecastRows.forecasts(outcome, buckets, keys).iterator()));
            tables.put(ForecastAccuracyTable.SERIES_NAME, SeriesForecasting.rows(outcomes,
                    ForecastAccuracyTable.SERIES_SCHEMA,
                    outcome -> List.of(ForecastRows.accuracy(outcome, buckets, keys)).iterator()));
            tables.put(ForecastBacktestTable.SERIES_NAME, SeriesForecasting.rows(outcomes,
                    ForecastBacktestTable.SERIES_SCHEMA, outcome -> ForecastRows.backtest(outcome, buckets, keys).iterator()));
            List<String> notes = List.of(series + " series from " + source + " (" + settings.bucket().label()
                    + "ly, last full bucket " + lastFull + "), regressors " + regressors);
            return new ForecastResult(tables, series, notes, List.of(outcomes));
        } catch (RuntimeException failure) {
            outcomes.unpersist();
            throw failure;
        }
    }
}
