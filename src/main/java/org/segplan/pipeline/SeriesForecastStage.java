package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.SeriesForecastTable;
import org.segplan.forecast.ForecastResult;
import org.segplan.forecast.SeriesTableForecasting;
import org.segplan.io.SeriesTableReader;
import org.segplan.mapping.InputFormat;

/**
 * {@code segplan forecast-series}: the forecasting engine on any long-format table ({@link SeriesTableForecasting}),
 * written to series_forecast, series_forecast_accuracy and series_forecast_backtest.
 */
public final class SeriesForecastStage implements Stage {
    public static final String NAME = "forecast-series";

    public static final StageSpec SPEC = new StageSpec(NAME,
            "Forecast any long-format table of series (series_id, period, value) with the same engine.",
            List.of(), List.of(StageSpec.TableWrite.always(SeriesForecastTable.NAME),
                    StageSpec.TableWrite.always(ForecastAccuracyTable.SERIES_NAME),
                    StageSpec.TableWrite.always(ForecastBacktestTable.SERIES_NAME)), false);

    private final String path;
    private final InputFormat format;

    public SeriesForecastStage(String path, InputFormat format) {
        this.path = requireNonNull(path, "path is null");
        this.format = requireNonNull(format, "format is null");
    }

    @Override
    public StageSpec spec() {
        return SPEC;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        SeriesTableReader.SeriesTable table = new SeriesTableReader(context.spark()).read(path, format);
        try (ForecastResult result = SeriesTableForecasting.compute(path, table.rows(), table.regressors(),
                context.config().forecast(), context.run().runDate())) {
            result.tables().forEach((name, rows) -> context.tables().replaceRunDate(name, rows, context.run()));
            long rowsOut = context.tables().countRunDate(SeriesForecastTable.NAME, context.run().runDate());
            return new StageOutcome(List.of(TableCounts.output(SeriesForecastTable.NAME, result.seriesCount(), rowsOut)),
                    result.notes());
        }
    }
}
