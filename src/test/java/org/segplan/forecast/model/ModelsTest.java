package org.segplan.forecast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each model on a series whose answer is known. */
class ModelsTest {
    private static final double[] SEASON = {10, 12, 15, 20, 26, 30, 31, 28, 22, 16, 12, 9};

    private static double[] seasonal(int seasons) {
        double[] series = new double[seasons * SEASON.length];
        for (int t = 0; t < series.length; t++) {
            series[t] = SEASON[t % SEASON.length];
        }
        return series;
    }

    @Test
    void seasonalNaiveAndHoltWintersReproduceAPureSeasonalSeries() {
        double[] history = seasonal(3);
        double[] expected = java.util.Arrays.copyOf(seasonal(2), 15);
        assertArrayEquals(expected, BaselineModels.seasonalNaive(history, 12, 15).forecast(), 1e-12);
        for (ModelName model : List.of(ModelName.HOLT_WINTERS_ADDITIVE, ModelName.HOLT_WINTERS_MULTIPLICATIVE)) {
            ModelFit fit = ExponentialSmoothing.fit(model, history, 12, 15);
            assertArrayEquals(expected, fit.forecast(), 1e-6, model.configName());
        }
    }

    @Test
    void holtWintersFollowsASeasonalSeriesWithTrend() {
        double[] history = new double[48];
        for (int t = 0; t < history.length; t++) {
            history[t] = 100 + 2 * t + SEASON[t % 12];
        }
        ModelFit fit = ExponentialSmoothing.fit(ModelName.HOLT_WINTERS_ADDITIVE, history, 12, 12);
        for (int h = 0; h < 12; h++) {
            double truth = 100 + 2 * (48 + h) + SEASON[(48 + h) % 12];
            assertEquals(truth, fit.forecast()[h], 1e-6, "step " + (h + 1));
        }
    }

    @Test
    void holtExtrapolatesALinearTrend() {
        double[] exact = new double[40];
        double[] noisy = new double[40];
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < exact.length; t++) {
            exact[t] = 50 + 3 * t;
            noisy[t] = exact[t] + random.nextGaussian() * 0.5;
        }
        ModelFit fit = ExponentialSmoothing.fit(ModelName.HOLT, exact, 12, 10);
        for (int h = 0; h < 10; h++) {
            assertEquals(50 + 3 * (40 + h), fit.forecast()[h], 1e-9);
        }
        ModelFit fromNoise = ExponentialSmoothing.fit(ModelName.HOLT, noisy, 12, 10);
        for (int h = 0; h < 10; h++) {
            double truth = 50 + 3 * (40 + h);
            assertEquals(truth, fromNoise.forecast()[h], 0.01 * truth, "step " + (h + 1));
        }
        // Simple smoothing cannot follow a trend: it stays below the last value.
        assertTrue(ExponentialSmoothing.fit(ModelName.SES, exact, 12, 10).forecast()[9] <= exact[39] + 1e-9);
    }

    @Test
    void dampedTrendFlattensOut() {
        double[] history = new double[30];
        for (int t = 0; t < history.length; t++) {
            history[t] = 10 + t;
        }
        ModelFit fit = ExponentialSmoothing.fit(ModelName.DAMPED_TREND, history, 12, 40);
        double[] forecast = fit.forecast();
        double firstStep = forecast[1] - forecast[0];
        double lastStep = forecast[39] - forecast[38];
        assertTrue(firstStep > 0.5 && lastStep < firstStep, firstStep + " then " + lastStep);
        assertTrue(fit.parameters().contains("phi="), fit.parameters());
    }

    @Test
    void simpleSmoothingOfAConstantIsTheConstant() {
        double[] history = {7, 7, 7, 7, 7, 7, 7, 7};
        assertArrayEquals(new double[] {7, 7, 7}, ExponentialSmoothing.fit(ModelName.SES, history, 12, 3).forecast(),
                1e-12);
    }

    @Test
    void multiplicativeHoltWintersRefusesSeriesWithZeros() {
        double[] history = seasonal(2);
        history[5] = 0;
        assertTrue(!ExponentialSmoothing.applicable(ModelName.HOLT_WINTERS_MULTIPLICATIVE, history, 12));
        assertThrows(IllegalArgumentException.class,
                () -> ExponentialSmoothing.fit(ModelName.HOLT_WINTERS_MULTIPLICATIVE, history, 12, 3));
        assertTrue(!ExponentialSmoothing.applicable(ModelName.HOLT_WINTERS_ADDITIVE, seasonal(1), 12));
    }

    @Test
    void crostonSbaAndTsbGiveTheHandComputedValues() {
        // Demand of 4 at t=1, 2 at t=4, 6 at t=6; alpha = beta = 0.1.
        double[] history = {0, 4, 0, 0, 2, 0, 6, 0};
        // Croston: start size 4, interval 2 (first demand in bucket 2). t=4: size 4 + 0.1(2-4) = 3.8,
        // interval 2 + 0.1(3-2) = 2.1. t=6: size 3.8 + 0.1(6-3.8) = 4.02, interval 2.1 + 0.1(2-2.1) = 2.09.
        double croston = 4.02 / 2.09;
        assertEquals(croston, IntermittentDemand.fit(ModelName.CROSTON, history, 2, 0.1, 0.1).forecast()[0], 1e-12);
        assertEquals(0.95 * croston, IntermittentDemand.fit(ModelName.SBA, history, 2, 0.1, 0.1).forecast()[1], 1e-12);
        // TSB: probability starts at 1/2; t=2,3: x0.9 -> 0.405; t=4: 0.405 + 0.1(1-0.405) = 0.4645; t=5: 0.41805;
        // t=6: 0.41805 + 0.1(1-0.41805) = 0.476245; t=7: 0.4286205. Size as Croston's: 4.02.
        assertEquals(0.4286205 * 4.02, IntermittentDemand.fit(ModelName.TSB, history, 1, 0.1, 0.1).forecast()[0], 1e-12);
        // One-step predictions: none before the first demand, then Croston's 4/2 = 2 until the next one.
        double[] fitted = IntermittentDemand.fit(ModelName.CROSTON, history, 1, 0.1, 0.1).fitted();
        assertTrue(Double.isNaN(fitted[1]));
        assertEquals(2.0, fitted[2], 1e-12);
        assertEquals(3.8 / 2.1, fitted[5], 1e-12);
    }

    @Test
    void demandClassesFollowTheAdiAndCvSquaredThresholds() {
        assertEquals(DemandClass.SMOOTH, DemandClass.of(new double[] {10, 11, 9, 10, 12, 10}, 1.32, 0.49));
        assertEquals(DemandClass.ERRATIC, DemandClass.of(new double[] {1, 20, 2, 30, 1, 25}, 1.32, 0.49));
        assertEquals(DemandClass.INTERMITTENT, DemandClass.of(new double[] {0, 5, 0, 0, 6, 0, 5, 0}, 1.32, 0.49));
        assertEquals(DemandClass.LUMPY, DemandClass.of(new double[] {0, 1, 0, 0, 40, 0, 2, 0}, 1.32, 0.49));
        // The thresholds are configurable: a tolerant ADI threshold makes the same series smooth.
        assertEquals(DemandClass.SMOOTH, DemandClass.of(new double[] {0, 5, 0, 0, 6, 0, 5, 0}, 3.0, 0.49));
    }

    @Test
    void calendarUpliftIsEstimatedFromFlaggedBucketsAndAppliedToFlaggedFutureOnes() {
        double[] history = {10, 10, 20, 10, 10, 20, 10, 10};
        double[] fitted = {Double.NaN, 10, 10, 10, 10, 10, 10, 10};
        Regressor promotion = new Regressor("promotion", new double[] {0, 0, 1, 0, 0, 1, 0, 0, 1, 0});
        List<CalendarEffects.Effect> effects = CalendarEffects.estimate(history, fitted, List.of(promotion));
        assertEquals(1, effects.size());
        assertEquals(2.0, effects.get(0).uplift(), 1e-12);
        assertArrayEquals(new double[] {20, 10}, CalendarEffects.apply(new double[] {10, 10}, 8, List.of(promotion),
                effects), 1e-12);
        // One flagged bucket is not enough evidence.
        Regressor once = new Regressor("holiday", new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 0});
        assertTrue(CalendarEffects.estimate(history, fitted, List.of(once)).isEmpty());
    }

    @Test
    void inventoryTargetsGrowWithServiceLevelAndLeadTime() {
        InventoryTargets base = InventoryTargets.compute(0.95, 14, 7, 100, 20);
        assertEquals(1.6449, base.z(), 1e-4);
        assertEquals(200, base.demandDuringLeadTime(), 1e-9);
        assertEquals(base.z() * 20 * Math.sqrt(2), base.safetyStockUnits(), 1e-9);
        assertEquals(base.demandDuringLeadTime() + base.safetyStockUnits(), base.reorderPointUnits(), 1e-9);
        assertTrue(InventoryTargets.compute(0.99, 14, 7, 100, 20).safetyStockUnits() > base.safetyStockUnits());
        assertTrue(InventoryTargets.compute(0.95, 28, 7, 100, 20).safetyStockUnits() > base.safetyStockUnits());
        assertEquals(0, InventoryTargets.compute(0.4, 14, 7, 100, 20).safetyStockUnits());
        assertThrows(IllegalArgumentException.class, () -> InventoryTargets.compute(1.0, 14, 7, 100, 20));
    }

    @Test
    void errorSpreadRecoversARandomWalksLinearVariance() {
        // Errors whose mean square at step h is exactly 4h: intercept 0, slope 4.
        double[][] errors = new double[2][6];
        for (int h = 0; h < 6; h++) {
            errors[0][h] = 2 * Math.sqrt(h + 1);
            errors[1][h] = -2 * Math.sqrt(h + 1);
        }
        ErrorSpread spread = ErrorSpread.fit(errors, -1);
        assertEquals(0, spread.intercept(), 1e-9);
        assertEquals(4, spread.slope(), 1e-9);
        // A spread is never zero at step 1 when errors are not: the line is fitted through the steps 1..h.
        double[][] growing = {{0.1, 1, 3, 6}, {-0.1, -1, -3, -6}};
        assertTrue(ErrorSpread.fit(growing, -1).standardDeviation(1) > 0);
        assertEquals(1.95996 * Math.sqrt(12), spread.halfWidth(0.95, 3), 1e-4);
        assertEquals(1.28155 * 2, spread.halfWidth(0.8, 1), 1e-4);
    }
}
