package org.segplan.forecast;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.forecast.model.BacktestPoint;
import org.segplan.forecast.model.InventoryTargets;
import org.segplan.forecast.model.SeriesForecast;

/** Turns one series' outcome into the rows of each output table (segment keys or a series id in front). */
public final class ForecastRows {
    private ForecastRows() {
    }

    /** Which key columns lead each row. */
    public enum Keys {
        SEGMENT, SERIES;

        Object[] of(SeriesOutcome outcome) {
            return this == SEGMENT ? new Object[] {outcome.segmentId(), outcome.category(), outcome.region()}
                    : new Object[] {outcome.seriesId()};
        }
    }

    /** History rows with their real period starts. */
    public static List<Row> history(SeriesOutcome outcome, Buckets buckets) {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < outcome.units().length; t++) {
            rows.add(RowFactory.create(outcome.segmentId(), outcome.category(), outcome.region(),
                    date(buckets.plus(outcome.firstPeriod(), t)), outcome.units()[t], outcome.values()[t],
                    (int) outcome.holidayDays()[t], (int) outcome.promotionDays()[t]));
        }
        return rows;
    }

    /** segment_demand_forecast rows (Keys.SEGMENT) or series_forecast rows (Keys.SERIES). */
    public static List<Row> forecasts(SeriesOutcome outcome, Buckets buckets, Keys keys) {
        SeriesForecast forecast = outcome.forecast();
        int n = outcome.units().length;
        List<Row> rows = new ArrayList<>();
        for (int h = 0; h < forecast.forecast().length; h++) {
            Date period = date(buckets.plus(outcome.firstPeriod(), n + h));
            List<Object> values = new ArrayList<>(java.util.Arrays.asList(keys.of(outcome)));
            if (keys == Keys.SEGMENT) {
                values.addAll(java.util.Arrays.asList(period, h + 1, forecast.forecast()[h], forecast.lower80()[h],
                        forecast.upper80()[h], forecast.lower95()[h], forecast.upper95()[h],
                        forecast.forecast()[h] * outcome.unitValue(), forecast.model().configName()));
            } else {
                values.addAll(java.util.Arrays.asList(period, h + 1, forecast.forecast()[h], forecast.lower80()[h],
                        forecast.upper80()[h], forecast.lower95()[h], forecast.upper95()[h],
                        forecast.model().configName()));
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        return rows;
    }

    /** A series-level forecast_accuracy row (with level "series") or a series_forecast_accuracy row. */
    public static Row accuracy(SeriesOutcome outcome, Buckets buckets, Keys keys) {
        SeriesForecast forecast = outcome.forecast();
        List<Object> values = new ArrayList<>();
        if (keys == Keys.SEGMENT) {
            values.add(ForecastAccuracyTable.SERIES);
        }
        values.addAll(java.util.Arrays.asList(keys.of(outcome)));
        values.addAll(java.util.Arrays.asList(
                forecast.demandClass().label(),
                forecast.model().configName(),
                forecast.parameters().isEmpty() ? null : forecast.parameters(),
                forecast.selectionReason(),
                forecast.calendarEffects(),
                forecast.metric().label(),
                nullable(forecast.wape()),
                nullable(forecast.mase()),
                nullable(forecast.bias()),
                nullable(forecast.coverage80()),
                nullable(forecast.coverage95()),
                forecast.folds(),
                forecast.firstOrigin() < 0 ? null : date(buckets.plus(outcome.firstPeriod(), forecast.firstOrigin())),
                forecast.lastOrigin() < 0 ? null : date(buckets.plus(outcome.firstPeriod(), forecast.lastOrigin())),
                forecast.baselineModel() == null ? null : forecast.baselineModel().configName(),
                nullable(forecast.baselineWape()),
                nullable(forecast.baselineMase()),
                nullable(forecast.forecastValueAdded()),
                outcome.units().length,
                forecast.meanForecast()));
        return RowFactory.create(values.toArray());
    }

    public static List<Row> backtest(SeriesOutcome outcome, Buckets buckets, Keys keys) {
        List<Row> rows = new ArrayList<>();
        for (BacktestPoint point : outcome.forecast().backtest()) {
            List<Object> values = new ArrayList<>(java.util.Arrays.asList(keys.of(outcome)));
            values.addAll(java.util.Arrays.asList(date(buckets.plus(outcome.firstPeriod(), point.origin())),
                    date(buckets.plus(outcome.firstPeriod(), point.target())), point.step(), point.actual(),
                    point.forecast(), point.lower80(), point.upper80(), point.lower95(), point.upper95(),
                    point.baselineForecast(), outcome.forecast().model().configName()));
            rows.add(RowFactory.create(values.toArray()));
        }
        return rows;
    }

    public static List<Row> inventory(SeriesOutcome outcome) {
        InventoryTargets targets = outcome.inventory();
        if (targets == null) {
            return List.of();
        }
        return List.of(RowFactory.create(outcome.segmentId(), outcome.category(), outcome.region(),
                targets.serviceLevel(), targets.z(), targets.leadTimeDays(), targets.meanDemandPerBucket(),
                targets.demandDuringLeadTime(), targets.errorStandardDeviationPerBucket(), targets.safetyStockUnits(),
                targets.reorderPointUnits(), outcome.policyName(), null));
    }

    private static Date date(LocalDate date) {
        return Date.valueOf(date);
    }

    private static Double nullable(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
