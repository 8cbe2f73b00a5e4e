package org.segplan.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.segplan.forecast.Bucket;
import org.segplan.forecast.ForecastDefaults;

/**
 * Do the reorder points reach their service level? The service level of inventory_targets is the <b>cycle service
 * level</b>: the probability that demand during the replenishment lead time does not exceed the reorder point, i.e.
 * that a replenishment cycle ends without a stock-out when the order goes out as the inventory position reaches
 * the reorder point (continuous review, the safety stock's z is the one-sided normal quantile of that level).
 *
 * <p>The simulation: a long series from a known demand process; the engine (selection, fit, error spread) runs once
 * on its first part; then at every later week the chosen model, parameters frozen, forecasts from the history up
 * to that week, {@link InventoryTargets} turns forecast and spread into a reorder point, and the cycle counts as
 * served when the next lead time's demand is at most the reorder point. Achieved levels are pooled over series.
 */
class SafetyStockSimulationTest {
    private static final int SEASON = 52;
    private static final int BUCKET_DAYS = 7;
    private static final double[] LEVELS = {0.90, 0.95, 0.98};

    /** Stationary demand, Gaussian noise around a constant mean: independent errors. */
    @Test
    void stationaryDemandMeetsItsServiceLevels() {
        assertServiceLevels("stationary", 104, 14, random -> {
            double mean = 50 + random.nextDouble() * 450;
            double sd = mean * (0.1 + random.nextDouble() * 0.2);
            return t -> Math.max(0, mean + sd * random.nextGaussian());
        });
    }

    /** A wandering level (random walk observed with noise): errors of the lead time's buckets are correlated. */
    @Test
    void aWanderingLevelMeetsItsServiceLevels() {
        assertServiceLevels("local level", 104, 14, random -> {
            double[] level = {1000};
            return t -> {
                level[0] += 10 * random.nextGaussian();
                return level[0] + 20 * random.nextGaussian();
            };
        });
    }

    /**
     * Seasonal segment demand (a yearly cycle of +-30%, noise of 10% of the mean level): the lead time's demand
     * differs from the quarter's mean.
     */
    @Test
    void seasonalDemandMeetsItsServiceLevels() {
        assertServiceLevels("seasonal", 156, 28, random -> {
            double mean = 100 + random.nextDouble() * 400;
            double phase = random.nextInt(SEASON);
            return t -> mean * (1 + 0.3 * Math.cos(2 * Math.PI * (t - phase) / SEASON))
                    + 0.1 * mean * random.nextGaussian();
        });
    }

    private interface Demand {
        double at(int t);
    }

    private static void assertServiceLevels(String name, int fitWeeks, int leadTimeDays,
            Function<Random, Demand> process) {
        Random random = new Random(name.hashCode());
        ForecastEngine engine = new ForecastEngine(ForecastDefaults.engine(Bucket.WEEK).withClipAtZero(false));
        int leadBuckets = leadTimeDays / BUCKET_DAYS;
        int series = 12;
        int cyclesPerSeries = 400;
        int[] served = new int[LEVELS.length];
        int[] servedFlat = new int[LEVELS.length];
        int cycles = 0;
        StringBuilder models = new StringBuilder();
        for (int s = 0; s < series; s++) {
            Demand demand = process.apply(random);
            double[] all = new double[fitWeeks + cyclesPerSeries + leadBuckets];
            for (int t = 0; t < all.length; t++) {
                all[t] = demand.at(t);
            }
            SeriesForecast fitted = engine.forecast(Arrays.copyOf(all, fitWeeks), List.of());
            models.append(fitted.model().configName()).append(' ');
            ModelFit fit = refit(fitted.model(), Arrays.copyOf(all, fitWeeks));
            for (int origin = fitWeeks; origin < fitWeeks + cyclesPerSeries; origin++) {
                double[] forecast = frozenForecast(fit, Arrays.copyOf(all, origin), 13);
                double leadTimeDemand = 0;
                for (int k = 0; k < leadBuckets; k++) {
                    leadTimeDemand += all[origin + k];
                }
                for (int level = 0; level < LEVELS.length; level++) {
                    InventoryTargets targets = InventoryTargets.compute(LEVELS[level], leadTimeDays, BUCKET_DAYS,
                            forecast, fitted.leadTimeErrorVariance(), mean(forecast), fitted.errorStandardDeviation());
                    if (leadTimeDemand <= targets.reorderPointUnits()) {
                        served[level]++;
                    }
                    // For the record: the earlier formula (horizon mean x L, sqrt(L) x the one-bucket error).
                    InventoryTargets flat = InventoryTargets.compute(LEVELS[level], leadTimeDays, BUCKET_DAYS,
                            mean(forecast), fitted.errorStandardDeviation());
                    if (leadTimeDemand <= flat.reorderPointUnits()) {
                        servedFlat[level]++;
                    }
                }
                cycles++;
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%s demand, lead time %d days, %d cycles, models [%s]:", name, leadTimeDays, cycles, models.toString().trim()));
        for (int level = 0; level < LEVELS.length; level++) {
            report.append(String.format(Locale.ROOT, " target %.0f%% -> %.1f%% (flat sqrt(L) formula %.1f%%)",
                    100 * LEVELS[level], 100.0 * served[level] / cycles, 100.0 * servedFlat[level] / cycles));
        }
        System.out.println(report);
        for (int level = 0; level < LEVELS.length; level++) {
            assertEquals(LEVELS[level], (double) served[level] / cycles, 0.02, report.toString());
        }
    }

    private static ModelFit refit(ModelName model, double[] history) {
        return switch (model) {
            case SEASONAL_NAIVE -> BaselineModels.seasonalNaive(history, SEASON, 13);
            case NAIVE -> BaselineModels.naive(history, 13);
            case MEAN -> BaselineModels.mean(history, SEASON, 13);
            case CROSTON, SBA, TSB -> IntermittentDemand.fit(model, history, 13, 0.1, 0.1);
            default -> ExponentialSmoothing.fit(model, history, SEASON, 13);
        };
    }

    private static double[] frozenForecast(ModelFit fit, double[] history, int steps) {
        return switch (fit.model()) {
            case SES, HOLT, DAMPED_TREND, HOLT_WINTERS_ADDITIVE, HOLT_WINTERS_MULTIPLICATIVE ->
                    ExponentialSmoothing.forecastWith(fit.model(), history, SEASON, fit.parameterValues(), steps);
            default -> refit(fit.model(), history).forecast();
        };
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
