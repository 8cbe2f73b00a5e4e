package org.segplan.forecast.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * What the forecasting engine needs to know, free of configuration machinery so it runs inside Spark tasks. Part of
 * {@link org.segplan.forecast.ForecastSettings}, built by the configuration loader (defaults in segplan-defaults.conf).
 *
 * @param seasonLength buckets per year: 52 for weeks, 12 for months
 * @param backtestStep buckets between consecutive backtest origins
 * @param minHistory buckets a series needs before the first backtest origin; shorter series get the fallback
 * @param intermittentAlpha smoothing of demand sizes and intervals (Croston, SBA, TSB)
 * @param intermittentBeta smoothing of TSB's demand probability
 * @param clipAtZero whether forecasts and interval bounds are floored at zero (demand)
 */
public record EngineSettings(
        int horizon,
        int seasonLength,
        int backtestFolds,
        int backtestHorizon,
        int backtestStep,
        SelectionMetric metric,
        int minHistory,
        double adiThreshold,
        double cv2Threshold,
        double intermittentAlpha,
        double intermittentBeta,
        List<ModelName> models,
        boolean calendarEffects,
        boolean clipAtZero) implements Serializable {
    public EngineSettings {
        requireNonNull(metric, "metric is null");
        models = List.copyOf(requireNonNull(models, "models is null"));
    }

    public EngineSettings withClipAtZero(boolean clip) {
        return new EngineSettings(horizon, seasonLength, backtestFolds, backtestHorizon, backtestStep, metric,
                minHistory, adiThreshold, cv2Threshold, intermittentAlpha, intermittentBeta, models, calendarEffects, clip);
    }
}
