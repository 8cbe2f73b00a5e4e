package org.segplan.forecast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Forecasts one series: classifies its demand, backtests every applicable model over rolling origins, keeps the
 * best by the configured metric, refits it on the whole history and adds intervals learnt from its backtest
 * errors ({@link ErrorSpread}). Series too short for a backtest, or whose every candidate fails, get the fallback
 * (seasonal naive with a full season of history, else the mean of the last season), and the reason says so.
 * Plain Java: runs inside a Spark task, one series at a time.
 */
public final class ForecastEngine {
    private static final double COVERAGE_80 = 0.8;
    private static final double COVERAGE_95 = 0.95;
    static final int MIN_SPREAD_ERRORS = 10;

    private final EngineSettings settings;

    public ForecastEngine(EngineSettings settings) {
        this.settings = settings;
    }

    public SeriesForecast forecast(double[] history, List<Regressor> regressors) {
        if (history.length == 0) {
            throw new IllegalArgumentException("a series needs at least one bucket");
        }
        List<Regressor> calendar = settings.calendarEffects() ? regressors : List.of();
        DemandClass demandClass = DemandClass.of(history, settings.adiThreshold(), settings.cv2Threshold());
        int[] origins = origins(history.length);
        if (origins.length == 0) {
            return fallback(history, calendar, demandClass, String.format(Locale.ROOT,
                    "fallback %%s: %d buckets of history, a backtest needs %d before its first origin plus %d to test",
                    history.length, settings.minHistory(), settings.backtestHorizon()));
        }
        ModelName baselineModel = origins[0] >= settings.seasonLength() ? ModelName.SEASONAL_NAIVE : ModelName.NAIVE;
        Backtest baseline = backtest(baselineModel, history, calendar, origins);
        Map<ModelName, Backtest> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (ModelName model : candidates(demandClass)) {
            try {
                Backtest result = model == baselineModel ? baseline : backtest(model, history, calendar, origins);
                if (result != null) {
                    results.put(model, result);
                }
            } catch (RuntimeException failure) {
                failures.add(model.configName());
            }
        }
        double scale = ForecastMetrics.naiveScale(history, origins[0] + 1);
        boolean byMae = results.values().stream().anyMatch(result -> Double.isNaN(result.wape()));
        ModelName best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        List<String> scores = new ArrayList<>();
        for (Map.Entry<ModelName, Backtest> entry : results.entrySet()) {
            double score = byMae ? entry.getValue().meanAbsoluteError() : score(entry.getValue(), scale);
            scores.add(String.format(Locale.ROOT, "%s %.3f", entry.getKey().configName(), score));
            if (score < bestScore) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        if (best == null) {
            return fallback(history, calendar, demandClass, "fallback %s: no candidate model could be backtested"
                    + (failures.isEmpty() ? "" : " (failed: " + failures + ")"));
        }
        ModelFit fit;
        List<CalendarEffects.Effect> effects;
        try {
            fit = fitModel(best, history, settings.horizon());
            effects = CalendarEffects.estimate(history, fit.fitted(), calendar);
        } catch (RuntimeException failure) {
            return fallback(history, calendar, demandClass, "fallback %s: " + best.configName()
                    + " won the backtest but failed on the whole history (" + failure.getMessage() + ")");
        }
        String reason = String.format(Locale.ROOT, "lowest backtest %s among [%s] (%s demand, %d folds)",
                byMae ? "mae" : settings.metric().label(), String.join(", ", scores), demandClass.label(), origins.length)
                + (failures.isEmpty() ? "" : "; failed: " + failures);
        Backtest chosen = results.get(best);
        double[] point = CalendarEffects.apply(fit.forecast(), history.length, calendar, effects);
        // The out-of-sample backtest errors keep the in-sample spread honest: the wider of the two is used.
        double[][] inSample = inSampleErrors(best, fit, history, calendar, effects);
        ErrorSpread spread = spread(inSample, fit, history).widest(ErrorSpread.fit(chosen.errors(), -1));
        double[] leadTimeVariance = leadTimeVariance(inSample, spread);
        return assemble(demandClass, fit, reason, effects, point, spread, leadTimeVariance, chosen, baseline,
                baselineModel, history, scale, origins);
    }

    /**
     * Candidate models for the demand class, in configured order: intermittent models only for sparse demand, the
     * smoothing family only for the rest; the mean is the fallback for short series, never a candidate.
     */
    List<ModelName> candidates(DemandClass demandClass) {
        List<ModelName> result = new ArrayList<>();
        for (ModelName model : settings.models()) {
            if (model == ModelName.MEAN) {
                continue;
            }
            boolean baseline = model == ModelName.SEASONAL_NAIVE || model == ModelName.NAIVE;
            if (baseline || model.isIntermittent() == demandClass.isIntermittentFamily()) {
                result.add(model);
            }
        }
        return result;
    }

    /** Origins (index of the last bucket seen), oldest first; none when the history is too short. */
    int[] origins(int length) {
        List<Integer> result = new ArrayList<>();
        for (int fold = settings.backtestFolds() - 1; fold >= 0; fold--) {
            int trainingLength = length - settings.backtestHorizon() - fold * settings.backtestStep();
            if (trainingLength >= settings.minHistory()) {
                result.add(trainingLength - 1);
            }
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean applicable(ModelName model, double[] history) {
        return switch (model) {
            case SEASONAL_NAIVE -> history.length >= settings.seasonLength();
            case NAIVE, MEAN -> history.length >= 1;
            case CROSTON, SBA, TSB -> IntermittentDemand.applicable(history);
            default -> ExponentialSmoothing.applicable(model, history, settings.seasonLength());
        };
    }

    private ModelFit fitModel(ModelName model, double[] history, int horizon) {
        return switch (model) {
            case SEASONAL_NAIVE -> BaselineModels.seasonalNaive(history, settings.seasonLength(), horizon);
            case NAIVE -> BaselineModels.naive(history, horizon);
            case MEAN -> BaselineModels.mean(history, settings.seasonLength(), horizon);
            case CROSTON, SBA, TSB -> IntermittentDemand.fit(model, history, horizon, settings.intermittentAlpha(),
                    settings.intermittentBeta());
            default -> ExponentialSmoothing.fit(model, history, settings.seasonLength(), horizon);
        };
    }

    /** Backtests one model over every origin; null when it does not apply at one of them (not comparable). */
    private Backtest backtest(ModelName model, double[] history, List<Regressor> calendar, int[] origins) {
        int steps = settings.backtestHorizon();
        double[][] forecasts = new double[origins.length][];
        double[][] errors = new double[origins.length][steps];
        ModelFit[] fits = new ModelFit[origins.length];
        List<List<CalendarEffects.Effect>> effects = new ArrayList<>();
        for (int fold = 0; fold < origins.length; fold++) {
            double[] training = Arrays.copyOf(history, origins[fold] + 1);
            if (!applicable(model, training)) {
                return null;
            }
            ModelFit fit = fitModel(model, training, steps);
            List<CalendarEffects.Effect> foldEffects = CalendarEffects.estimate(training, fit.fitted(), calendar);
            double[] forecast = CalendarEffects.apply(fit.forecast(), training.length, calendar, foldEffects);
            fits[fold] = fit;
            effects.add(foldEffects);
            if (settings.clipAtZero()) {
                for (int h = 0; h < steps; h++) {
                    forecast[h] = Math.max(0, forecast[h]);
                }
            }
            for (int h = 0; h < steps; h++) {
                if (!Double.isFinite(forecast[h])) {
                    throw new IllegalStateException(model.configName() + " forecast is not finite");
                }
                errors[fold][h] = history[origins[fold] + 1 + h] - forecast[h];
            }
            forecasts[fold] = forecast;
        }
        return new Backtest(forecasts, errors, history, origins, fits, effects, calendar);
    }

    private double score(Backtest backtest, double scale) {
        return settings.metric() == SelectionMetric.WAPE ? backtest.wape()
                : ForecastMetrics.mase(backtest.meanAbsoluteError(), scale);
    }

    /**
     * The error spread of a fitted model from its in-sample multi-step errors: from every origin of the history
     * (after the first {@code min(min-history, n/2)} buckets) it forecasts ahead with its parameters frozen, and
     * the squared errors per step are fitted by {@link ErrorSpread}. Many origins give a stable spread even for one
     * short series; with fewer than {@link #MIN_SPREAD_ERRORS} errors the one-step errors are grown like a random
     * walk's.
     */
    private ErrorSpread spread(ModelName model, ModelFit fit, double[] history, List<Regressor> calendar,
            List<CalendarEffects.Effect> effects) {
        return spread(inSampleErrors(model, fit, history, calendar, effects), fit, history);
    }

    private ErrorSpread spread(double[][] inSampleErrors, ModelFit fit, double[] history) {
        int count = 0;
        for (double[] row : inSampleErrors) {
            for (double error : row) {
                count += Double.isFinite(error) ? 1 : 0;
            }
        }
        if (count >= MIN_SPREAD_ERRORS) {
            return ErrorSpread.fit(inSampleErrors, -1);
        }
        int n = history.length;
        double sum = 0;
        int residuals = 0;
        double[] fitted = fit.fitted();
        for (int t = 0; t < n; t++) {
            if (Double.isFinite(fitted[t])) {
                sum += (history[t] - fitted[t]) * (history[t] - fitted[t]);
                residuals++;
            }
        }
        double meanSquare = residuals == 0 ? 0 : sum / residuals;
        return new ErrorSpread(0, meanSquare, residuals);
    }

    /**
     * Variance of the summed forecast error over the first k buckets (k = 1..steps), for safety stock over a lead
     * time. Its shape comes from the in-sample origins of the spread (so correlated errors, e.g. of a wandering
     * level, count), its scale from the spread's one-bucket variance, which the backtest may have widened; with too
     * few in-sample errors, the spread's steps are added as independent.
     */
    private double[] leadTimeVariance(double[][] inSampleErrors, ErrorSpread spread) {
        int steps = Math.max(settings.horizon(), settings.backtestHorizon());
        double[] inSample = ErrorSpread.cumulativeMeanSquares(inSampleErrors, steps, MIN_SPREAD_ERRORS);
        double oneBucket = spread.standardDeviation(1) * spread.standardDeviation(1);
        double widening = inSample == null || inSample[0] <= 0 ? 1 : Math.max(1, oneBucket / inSample[0]);
        double[] result = new double[steps];
        double independent = 0;
        for (int k = 0; k < steps; k++) {
            independent += spread.standardDeviation(k + 1) * spread.standardDeviation(k + 1);
            double value = inSample == null || inSample[0] <= 0 ? independent : inSample[k] * widening;
            result[k] = Math.max(value, k == 0 ? 0 : result[k - 1]);
        }
        return result;
    }

    /**
     * Errors of the fitted model's forecasts, parameters frozen, from every origin of the history after the first
     * {@code min(min-history, n/2)} buckets: errors[origin][step], NaN past the end of the history.
     */
    private double[][] inSampleErrors(ModelName model, ModelFit fit, double[] history, List<Regressor> calendar,
            List<CalendarEffects.Effect> effects) {
        int n = history.length;
        int steps = Math.max(settings.horizon(), settings.backtestHorizon());
        int first = Math.max(2, Math.min(settings.minHistory(), n / 2));
        List<double[]> rows = new ArrayList<>();
        for (int length = first; length < n; length++) {
            double[] prefix = Arrays.copyOf(history, length);
            if (!applicable(model, prefix)) {
                continue;
            }
            double[] forecast = CalendarEffects.apply(frozenForecast(model, fit, prefix, steps), length, calendar,
                    effects);
            double[] errors = new double[steps];
            for (int h = 0; h < steps; h++) {
                double value = settings.clipAtZero() ? Math.max(0, forecast[h]) : forecast[h];
                errors[h] = length + h < n ? history[length + h] - value : Double.NaN;
            }
            rows.add(errors);
        }
        return rows.toArray(double[][]::new);
    }

    /** The model's forecast from a shorter history with the parameters of {@code fit} (baselines need none). */
    private double[] frozenForecast(ModelName model, ModelFit fit, double[] prefix, int steps) {
        return switch (model) {
            case SES, HOLT, DAMPED_TREND, HOLT_WINTERS_ADDITIVE, HOLT_WINTERS_MULTIPLICATIVE ->
                    ExponentialSmoothing.forecastWith(model, prefix, settings.seasonLength(), fit.parameterValues(), steps);
            default -> fitModel(model, prefix, steps).forecast();
        };
    }

    private SeriesForecast fallback(double[] history, List<Regressor> calendar, DemandClass demandClass,
            String reasonTemplate) {
        ModelName model = history.length >= settings.seasonLength() ? ModelName.SEASONAL_NAIVE : ModelName.MEAN;
        ModelFit fit = fitModel(model, history, settings.horizon());
        List<CalendarEffects.Effect> effects = CalendarEffects.estimate(history, fit.fitted(), calendar);
        double[] point = CalendarEffects.apply(fit.forecast(), history.length, calendar, effects);
        double[][] inSample = inSampleErrors(model, fit, history, calendar, effects);
        ErrorSpread spread = spread(inSample, fit, history);
        double[] leadTimeVariance = leadTimeVariance(inSample, spread);
        String reason = String.format(Locale.ROOT, reasonTemplate, model.configName())
                + "; intervals from " + spread.errors() + " in-sample errors";
        return assemble(demandClass, fit, reason, effects, point, spread, leadTimeVariance, null, null, null, history,
                Double.NaN, new int[0]);
    }

    private SeriesForecast assemble(DemandClass demandClass, ModelFit fit, String reason,
            List<CalendarEffects.Effect> effects, double[] point, ErrorSpread spread, double[] leadTimeVariance,
            Backtest chosen, Backtest baseline, ModelName baselineModel, double[] history, double scale,
            int[] origins) {
        int horizon = point.length;
        double[] lower80 = new double[horizon];
        double[] upper80 = new double[horizon];
        double[] lower95 = new double[horizon];
        double[] upper95 = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double value = settings.clipAtZero() ? Math.max(0, point[h]) : point[h];
            point[h] = value;
            double half80 = spread.halfWidth(COVERAGE_80, h + 1);
            double half95 = spread.halfWidth(COVERAGE_95, h + 1);
            lower80[h] = settings.clipAtZero() ? Math.max(0, value - half80) : value - half80;
            lower95[h] = settings.clipAtZero() ? Math.max(0, value - half95) : value - half95;
            upper80[h] = value + half80;
            upper95[h] = value + half95;
        }
        if (chosen == null) {
            return new SeriesForecast(demandClass, fit.model(), fit.parameters(), reason, CalendarEffects.describe(effects),
                    point, lower80, upper80, lower95, upper95, settings.metric(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0, -1, -1, null, Double.NaN, Double.NaN, spread.standardDeviation(1),
                    leadTimeVariance, List.of());
        }
        List<BacktestPoint> points = new ArrayList<>();
        int inside80 = 0;
        int inside95 = 0;
        int judged = 0;
        for (int fold = 0; fold < origins.length; fold++) {
            // The spread as it would have been computed at this origin, from the history the model saw then.
            double[] training = Arrays.copyOf(history, origins[fold] + 1);
            ErrorSpread heldOut = spread(fit.model(), chosen.fits()[fold], training, chosen.calendar(),
                    chosen.effects().get(fold));
            for (int h = 0; h < settings.backtestHorizon(); h++) {
                int target = origins[fold] + 1 + h;
                double forecast = chosen.forecasts()[fold][h];
                double actual = history[target];
                double half80 = heldOut.halfWidth(COVERAGE_80, h + 1);
                double half95 = heldOut.halfWidth(COVERAGE_95, h + 1);
                double low80 = settings.clipAtZero() ? Math.max(0, forecast - half80) : forecast - half80;
                double low95 = settings.clipAtZero() ? Math.max(0, forecast - half95) : forecast - half95;
                if (actual >= low80 && actual <= forecast + half80) {
                    inside80++;
                }
                if (actual >= low95 && actual <= forecast + half95) {
                    inside95++;
                }
                judged++;
                points.add(new BacktestPoint(origins[fold], target, h + 1, actual, forecast, low80, forecast + half80,
                        low95, forecast + half95, baseline.forecasts()[fold][h]));
            }
        }
        return new SeriesForecast(demandClass, fit.model(), fit.parameters(), reason, CalendarEffects.describe(effects),
                point, lower80, upper80, lower95, upper95, settings.metric(), chosen.wape(),
                ForecastMetrics.mase(chosen.meanAbsoluteError(), scale), chosen.bias(),
                (double) inside80 / judged, (double) inside95 / judged, origins.length, origins[0],
                origins[origins.length - 1], baselineModel, baseline.wape(),
                ForecastMetrics.mase(baseline.meanAbsoluteError(), scale), spread.standardDeviation(1),
                leadTimeVariance, points);
    }

    /** One model's backtest: forecasts and errors per origin and step. */
    private record Backtest(double[][] forecasts, double[][] errors, double[] history, int[] origins, ModelFit[] fits,
            List<List<CalendarEffects.Effect>> effects, List<Regressor> calendar) {
        double wape() {
            double absoluteError = 0;
            double absoluteActual = 0;
            for (int fold = 0; fold < origins.length; fold++) {
                for (int h = 0; h < errors[fold].length; h++) {
                    absoluteError += Math.abs(errors[fold][h]);
                    absoluteActual += Math.abs(history[origins[fold] + 1 + h]);
                }
            }
            return ForecastMetrics.wape(absoluteError, absoluteActual);
        }

        double bias() {
            double error = 0;
            double actual = 0;
            for (int fold = 0; fold < origins.length; fold++) {
                for (int h = 0; h < errors[fold].length; h++) {
                    error -= errors[fold][h];
                    actual += history[origins[fold] + 1 + h];
                }
            }
            return ForecastMetrics.bias(error, actual);
        }

        double meanAbsoluteError() {
            double sum = 0;
            int count = 0;
            for (double[] fold : errors) {
                for (double error : fold) {
                    sum += Math.abs(error);
                    count++;
                }
            }
            return sum / count;
        }
    }
}
