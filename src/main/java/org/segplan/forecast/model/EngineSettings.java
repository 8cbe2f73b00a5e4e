package org.segplan.forecast.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * What the forecasting engine needs to know, free of configuration machinery so it runs inside Spark tasks.
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

    /** Defaults matching segplan-defaults.conf, for a season length (52 weekly, 12 monthly). */
    public static EngineSettings defaults(int seasonLength) {
        return new EngineSettings(13, seasonLength, 8, 13, 2, SelectionMetric.WAPE, 26, 1.32, 0.49, 0.1, 0.1,
                List.of(ModelName.values()), true, true);
    }
}
