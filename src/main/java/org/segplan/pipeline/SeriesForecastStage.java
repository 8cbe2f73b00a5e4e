package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.segplan.config.ForecastSettings;
import org.segplan.config.InputFormat;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.SeriesForecastTable;
import org.segplan.forecast.Buckets;
import org.segplan.forecast.ForecastJobs;
import org.segplan.forecast.ForecastRows;
import org.segplan.forecast.SeriesForecasting;
import org.segplan.forecast.SeriesInputColumns;
import org.segplan.forecast.SeriesOutcome;
import org.segplan.forecast.SeriesTask;
import org.segplan.io.SeriesTableReader;

/**
 * {@code segplan forecast-series}: the forecasting engine on any long-format table (series_id, period, value and
 * optional 0/1 regressors), with the same selection and outputs: series_forecast, series_forecast_accuracy and
 * series_forecast_backtest. Values after the run date's last full bucket are left out.
 */
public final class SeriesForecastStage implements Stage {
    public static final String NAME = "forecast-series";

    private final String path;
    private final InputFormat format;

    public SeriesForecastStage(String path, InputFormat format) {
        this.path = requireNonNull(path, "path is null");
        this.format = requireNonNull(format, "format is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        ForecastSettings settings = context.config().forecast();
        Buckets buckets = new Buckets(settings.bucket());
        LocalDate lastFull = buckets.lastFullStart(context.run().runDate());
        SeriesTableReader.SeriesTable table = new SeriesTableReader(context.spark()).read(path, format);
        List<Column> columns = new ArrayList<>(List.of(
                col(SeriesForecastTable.INPUT_SERIES_ID).as(SeriesInputColumns.SERIES_ID),
                lit(null).cast("int").as(SeriesInputColumns.SEGMENT_ID),
                lit(null).cast("string").as(SeriesInputColumns.CATEGORY),
                lit(null).cast("string").as(SeriesInputColumns.REGION),
                col(SeriesForecastTable.INPUT_PERIOD).as(SeriesInputColumns.PERIOD_START),
                col(SeriesForecastTable.INPUT_VALUE).as(SeriesInputColumns.UNITS),
                lit(null).cast("double").as(SeriesInputColumns.VALUE)));
        table.regressors().forEach(name -> columns.add(col(name)));
        Dataset<Row> rows = table.rows().select(columns.toArray(Column[]::new));
        SeriesTask task = new SeriesTask(ForecastJobs.engineSettings(settings), buckets, lastFull, false,
                table.regressors(), Map.of(), null);
        Dataset<SeriesOutcome> outcomes = SeriesForecasting.forecast(rows, task).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ForecastRows.Keys keys = ForecastRows.Keys.SERIES;
            context.lakehouse().replaceRunDate(SeriesForecastTable.NAME, SeriesForecasting.rows(outcomes,
                    SeriesForecastTable.SCHEMA, outcome -> ForecastRows.forecasts(outcome, buckets, keys).iterator()),
                    context.run());
            context.lakehouse().replaceRunDate(ForecastAccuracyTable.SERIES_NAME, SeriesForecasting.rows(outcomes,
                    ForecastAccuracyTable.SERIES_SCHEMA,
                    outcome -> List.of(ForecastRows.accuracy(outcome, buckets, keys)).iterator()), context.run());
            context.lakehouse().replaceRunDate(ForecastBacktestTable.SERIES_NAME, SeriesForecasting.rows(outcomes,
                    ForecastBacktestTable.SERIES_SCHEMA, outcome -> ForecastRows.backtest(outcome, buckets, keys).iterator()),
                    context.run());
            long series = outcomes.count();
            long rowsOut = context.lakehouse().countRunDate(SeriesForecastTable.NAME, context.run().runDate());
            List<String> notes = List.of(series + " series from " + path + " (" + settings.bucket().label()
                    + "ly, last full bucket " + lastFull + "), regressors " + table.regressors());
            return new StageOutcome(List.of(TableCounts.output(SeriesForecastTable.NAME, series, rowsOut)), notes);
        } finally {
            outcomes.unpersist();
        }
    }
}
