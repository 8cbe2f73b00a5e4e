package org.segplan.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.segplan.forecast.Bucket;
import org.segplan.forecast.ForecastDefaults;

/** Backtest selection on clear cases, fallbacks, and calibrated intervals on simulated series. */
class ForecastEngineTest {
    private static final EngineSettings MONTHLY = ForecastDefaults.engine(Bucket.MONTH);
    private static final EngineSettings WEEKLY = ForecastDefaults.engine(Bucket.WEEK);

    @Test
    void aTrendingSeriesIsGivenHoltAndBeatsSeasonalNaive() {
        Random random = new Random(1);
        double[] history = new double[80];
        for (int t = 0; t < history.length; t++) {
            history[t] = 200 + 5 * t + random.nextGaussian() * 3;
        }
        SeriesForecast result = new ForecastEngine(WEEKLY).forecast(history, List.of());
        assertTrue(result.model() == ModelName.HOLT || result.model() == ModelName.DAMPED_TREND,
                result.model() + ": " + result.selectionReason());
        assertEquals(ModelName.SEASONAL_NAIVE, result.baselineModel());
        assertTrue(result.forecastValueAdded() > 0.1, result.selectionReason());
        assertEquals(600, result.forecast()[0], 15);
        assertEquals(8, result.folds());
        assertTrue(result.selectionReason().startsWith("lowest backtest wape"), result.selectionReason());
    }

    @Test
    void aSeasonalSeriesIsGivenASeasonalModel() {
        Random random = new Random(2);
        double[] history = new double[72];
        for (int t = 0; t < history.length; t++) {
            history[t] = 100 + 60 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian() * 2;
        }
        SeriesForecast result = new ForecastEngine(MONTHLY).forecast(history, List.of());
        assertTrue(List.of(ModelName.SEASONAL_NAIVE, ModelName.HOLT_WINTERS_ADDITIVE,
                ModelName.HOLT_WINTERS_MULTIPLICATIVE).contains(result.model()), result.selectionReason());
        assertTrue(result.wape() < 0.05, "wape " + result.wape());
    }

    @Test
    void intermittentDemandIsGivenAnIntermittentModel() {
        Random random = new Random(3);
        double[] history = new double[100];
        for (int t = 0; t < history.length; t++) {
            history[t] = random.nextDouble() < 0.25 ? 3 + random.nextInt(3) : 0;
        }
        SeriesForecast result = new ForecastEngine(WEEKLY).forecast(history, List.of());
        assertTrue(result.demandClass().isIntermittentFamily(), result.demandClass().label());
        assertTrue(result.model().isIntermittent() || result.model() == ModelName.MEAN
                || result.model() == ModelName.NAIVE || result.model() == ModelName.SEASONAL_NAIVE,
                result.selectionReason());
        assertTrue(!result.selectionReason().contains("holt"), "no smoothing of sparse demand: "
                + result.selectionReason());
        // Mean demand is 0.25 x 4 = 1 a bucket: an intermittent model says about that.
        SeriesForecast croston = new ForecastEngine(settingsWith(List.of(ModelName.CROSTON))).forecast(history, List.of());
        assertEquals(ModelName.CROSTON, croston.model());
        assertEquals(1.0, croston.forecast()[0], 0.35);
    }

    @Test
    void shortSeriesGetTheFallbackAndSayWhy() {
        double[] shortHistory = {3, 4, 5, 4, 3, 5};
        SeriesForecast result = new ForecastEngine(WEEKLY).forecast(shortHistory, List.of());
        assertEquals(ModelName.MEAN, result.model());
        assertTrue(result.selectionReason().startsWith("fallback mean: 6 buckets of history"), result.selectionReason());
        assertEquals(13, result.forecast().length);
        assertEquals(4, result.forecast()[0], 1e-12);
        assertEquals(0, result.folds());
        assertTrue(Double.isNaN(result.wape()));
        double[] oneYear = new double[60];
        java.util.Arrays.fill(oneYear, 5);
        EngineSettings needsLongHistory = new EngineSettings(13, 52, 8, 13, 2, SelectionMetric.WAPE, 104, 1.32, 0.49,
                0.1, 0.1, List.of(ModelName.values()), true, true);
        assertEquals(ModelName.SEASONAL_NAIVE, new ForecastEngine(needsLongHistory).forecast(oneYear, List.of()).model());
    }

    @Test
    void everyForecastHasOrderedNonNegativeIntervals() {
        Random random = new Random(4);
        double[] history = new double[104];
        for (int t = 0; t < history.length; t++) {
            history[t] = Math.max(0, 5 + random.nextGaussian() * 4);
        }
        SeriesForecast result = new ForecastEngine(WEEKLY).forecast(history, List.of());
        for (int h = 0; h < 13; h++) {
            assertTrue(0 <= result.lower95()[h] && result.lower95()[h] <= result.lower80()[h]
                    && result.lower80()[h] <= result.forecast()[h] && result.forecast()[h] <= result.upper80()[h]
                    && result.upper80()[h] <= result.upper95()[h], "step " + (h + 1));
        }
        assertEquals(8 * 13, result.backtest().size());
    }

    @Test
    void promotionsLiftTheForecastOfPromotedBuckets() {
        double[] history = new double[80];
        double[] flags = new double[93];
        for (int t = 0; t < flags.length; t++) {
            flags[t] = t % 10 == 5 ? 1 : 0;
        }
        Random random = new Random(5);
        for (int t = 0; t < history.length; t++) {
            history[t] = (50 + random.nextGaussian()) * (flags[t] > 0 ? 1.5 : 1);
        }
        Regressor promotion = new Regressor("promotion", flags);
        SeriesForecast with = new ForecastEngine(WEEKLY).forecast(history, List.of(promotion));
        // Bucket 85 (step 6) is promoted, bucket 84 (step 5) is not.
        assertEquals(1.5, with.forecast()[5] / with.forecast()[4], 0.1);
        assertTrue(with.calendarEffects().startsWith("promotion x1.4") || with.calendarEffects().startsWith("promotion x1.5"),
                with.calendarEffects());
        SeriesForecast without = new ForecastEngine(WEEKLY).forecast(history, List.of());
        assertTrue(with.wape() < without.wape(), with.wape() + " vs " + without.wape());
    }

    /**
     * Local-level series (random walk observed with noise): the engine's intervals, learnt from each series' own
     * backtest, cover the simulated future at their nominal rates within 5 points.
     */
    @Test
    void intervalsAreCalibratedOnSimulatedSeries() {
        Random random = new Random(11);
        int series = 150;
        int length = 104;
        int horizon = 13;
        int inside80 = 0;
        int inside95 = 0;
        int total = 0;
        ForecastEngine engine = new ForecastEngine(WEEKLY.withClipAtZero(false));

        for (int s = 0; s < series; s++) {
            double level = 1000;
            double[] all = new double[length + horizon];
            for (int t = 0; t < all.length; t++) {
                level += random.nextGaussian() * 10;
                all[t] = level + random.nextGaussian() * 20;
            }
            SeriesForecast result = engine.forecast(java.util.Arrays.copyOf(all, length), List.of());
            for (int h = 0; h < horizon; h++) {
                double actual = all[length + h];
                if (actual >= result.lower80()[h] && actual <= result.upper80()[h]) {
                    inside80++;
                }
                if (actual >= result.lower95()[h] && actual <= result.upper95()[h]) {
                    inside95++;
                }
                total++;
            }
        }
        double coverage80 = (double) inside80 / total;
        double coverage95 = (double) inside95 / total;
        System.out.printf("simulated coverage: 80%% -> %.3f, 95%% -> %.3f%n", coverage80, coverage95);
        assertEquals(0.80, coverage80, 0.05);
        assertEquals(0.95, coverage95, 0.05);
    }

    private static EngineSettings settingsWith(List<ModelName> models) {
        return new EngineSettings(13, 52, 8, 13, 2, SelectionMetric.WAPE, 26, 1.32, 0.49, 0.1, 0.1, models, true, true);
    }
}
