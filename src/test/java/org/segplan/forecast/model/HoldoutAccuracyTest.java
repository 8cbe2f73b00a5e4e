package org.segplan.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.segplan.forecast.Bucket;
import org.segplan.forecast.ForecastDefaults;

/**
 * The engine's best fit against its seasonal-naive baseline on a held-out quarter that neither saw: simulated
 * segment-like weekly series (the generator's demand shape: a trend of about 15% a year, a yearly cycle of +-25%
 * with a half-year harmonic, promotion spikes, noise; one series in five intermittent), the engine selects and
 * fits on the first 156 weeks (three years: Holt-Winters needs two seasons before the first backtest origin), and
 * both are scored on the 13 weeks after. The baseline is the seasonal-naive forecast from the same 156 weeks.
 */
class HoldoutAccuracyTest {
    private static final int SEASON = 52;
    private static final int TRAINING = 156;
    private static final int HOLDOUT = 13;

    @Test
    void bestFitBeatsSeasonalNaiveOnTheHeldOutQuarter() {
        // -Dholdout.seed / -Dholdout.series rerun it on other draws (docs/sections/forecast-bench.md has a sweep).
        Random random = new Random(Long.getLong("holdout.seed", 20251231L));
        ForecastEngine engine = new ForecastEngine(ForecastDefaults.engine(Bucket.WEEK));
        int series = Integer.getInteger("holdout.series", 60);
        double engineError = 0;
        double baselineError = 0;
        double actualSum = 0;
        int smoothSeries = 0;
        int smoothNotWorse = 0;
        StringBuilder report = new StringBuilder();
        for (int s = 0; s < series; s++) {
            boolean intermittent = s % 5 == 4;
            double[] all = intermittent ? intermittent(random) : smooth(random);
            double[] training = Arrays.copyOf(all, TRAINING);
            SeriesForecast result = engine.forecast(training, List.of());
            double[] baseline = BaselineModels.seasonalNaive(training, SEASON, HOLDOUT).forecast();
            double seriesEngine = 0;
            double seriesBaseline = 0;
            double seriesActual = 0;
            for (int h = 0; h < HOLDOUT; h++) {
                double actual = all[TRAINING + h];
                seriesEngine += Math.abs(result.forecast()[h] - actual);
                seriesBaseline += Math.abs(Math.max(0, baseline[h]) - actual);
                seriesActual += Math.abs(actual);
            }
            if (!intermittent) {
                // The engine's own baseline is seasonal naive too: a full season before the first origin.
                assertEquals(ModelName.SEASONAL_NAIVE, result.baselineModel(), result.selectionReason());
            }
            if (!intermittent) {
                smoothSeries++;
                smoothNotWorse += seriesEngine <= seriesBaseline ? 1 : 0;
            }
            engineError += seriesEngine;
            baselineError += seriesBaseline;
            actualSum += seriesActual;
            report.append(String.format(java.util.Locale.ROOT, "%n  series %2d %-12s %-28s wape %.3f vs seasonal naive %.3f",
                    s, result.demandClass().label(), result.model().configName(), seriesEngine / seriesActual,
                    seriesBaseline / seriesActual));
        }
        double engineWape = engineError / actualSum;
        double baselineWape = baselineError / actualSum;
        String summary = String.format(java.util.Locale.ROOT,
                "held-out WAPE over %d series: best fit %.3f, seasonal naive %.3f; best fit no worse on %d of %d smooth"
                + " series%s", series, engineWape, baselineWape, smoothNotWorse, smoothSeries, report);
        System.out.println(summary);
        // Seasonal naive repeats last year's noise and misses a year of trend: the best fit has the lower pooled
        // error (by 6-19% over four seeds) and is no worse on three smooth series in four. Intermittent series are in
        // the pooled figure but not counted one by one: WAPE rewards forecasting zero there, which no mean-rate
        // model does.
        assertTrue(engineWape < baselineWape, summary);
        assertTrue(smoothNotWorse >= smoothSeries * 3 / 4, summary);
    }

    /** Smooth segment demand: level x trend x yearly cycle x promotions, with Gaussian noise of 8-20%. */
    private static double[] smooth(Random random) {
        double level = 50 + random.nextDouble() * 450;
        double trendPerYear = 0.05 + random.nextDouble() * 0.2;
        double amplitude = 0.15 + random.nextDouble() * 0.15;
        double noise = 0.08 + random.nextDouble() * 0.12;
        double phase = random.nextInt(SEASON);
        double[] series = new double[TRAINING + HOLDOUT];
        for (int t = 0; t < series.length; t++) {
            double trend = 1 + trendPerYear * t / SEASON;
            double yearly = 1 + amplitude * Math.cos(2 * Math.PI * (t - phase) / SEASON)
                    + 0.4 * amplitude * Math.cos(4 * Math.PI * (t - phase) / SEASON);
            double promotion = random.nextDouble() < 0.05 ? 1.5 : 1;
            double mean = level * trend * yearly * promotion;
            series[t] = Math.max(0, Math.round(mean * (1 + noise * random.nextGaussian())));
        }
        return series;
    }

    /** Intermittent demand: an order in about one week of three, of 1 to 12 units. */
    private static double[] intermittent(Random random) {
        double probability = 0.2 + random.nextDouble() * 0.2;
        double[] series = new double[TRAINING + HOLDOUT];
        for (int t = 0; t < series.length; t++) {
            series[t] = random.nextDouble() < probability ? 1 + random.nextInt(12) : 0;
        }
        return series;
    }
}
