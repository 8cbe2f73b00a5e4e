package org.segplan.forecast.model;

import java.io.Serializable;
import java.util.List;

/**
 * Everything the engine decided for one series: the chosen model and why, its forecasts with 80% and 95%
 * intervals, and its backtest accuracy beside the seasonal-naive (or naive) baseline's.
 *
 * @param firstOrigin index of the last bucket seen by the first backtest origin, -1 without a backtest
 * @param errorStandardDeviation standard deviation of the one-bucket-ahead forecast error
 * @param leadTimeErrorVariance variance of the forecast error summed over the first k buckets, k = 1..steps (for
 *     safety stock over a lead time)
 */
public record SeriesForecast(
        DemandClass demandClass,
        ModelName model,
        String parameters,
        String selectionReason,
        String calendarEffects,
        double[] forecast,
        double[] lower80,
        double[] upper80,
        double[] lower95,
        double[] upper95,
        SelectionMetric metric,
        double wape,
        double mase,
        double bias,
        double coverage80,
        double coverage95,
        int folds,
        int firstOrigin,
        int lastOrigin,
        ModelName baselineModel,
        double baselineWape,
        double baselineMase,
        double errorStandardDeviation,
        double[] leadTimeErrorVariance,
        List<BacktestPoint> backtest) implements Serializable {
    public SeriesForecast {
        leadTimeErrorVariance = leadTimeErrorVariance.clone();
        backtest = List.copyOf(backtest);
    }

    @Override
    public double[] leadTimeErrorVariance() {
        return leadTimeErrorVariance.clone();
    }

    /** Baseline WAPE minus model WAPE: positive when the chosen model beats the baseline. */
    public double forecastValueAdded() {
        return baselineWape - wape;
    }

    public double meanForecast() {
        double sum = 0;
        for (double value : forecast) {
            sum += value;
        }
        return forecast.length == 0 ? 0 : sum / forecast.length;
    }
}
