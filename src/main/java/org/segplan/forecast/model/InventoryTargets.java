package org.segplan.forecast.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Safety stock and reorder point for one series, for a target <b>cycle service level</b> (the probability that
 * demand during the replenishment lead time does not exceed the reorder point): reorder point = forecast demand
 * over the lead time + safety stock, safety stock = z(service level) x the standard deviation of the forecast
 * error summed over the lead time. Both come from the forecast's own buckets: the point forecasts of the lead
 * time's buckets (not the horizon's mean, which is wrong for seasonal or trending demand), and the measured
 * variance of the summed error (not sqrt(lead time) x the one-bucket error, which assumes independent errors and
 * falls short when the level wanders). A fractional last bucket counts pro rata.
 */
public record InventoryTargets(double serviceLevel, double z, int leadTimeDays, double meanDemandPerBucket,
        double demandDuringLeadTime, double errorStandardDeviationPerBucket, double safetyStockUnits,
        double reorderPointUnits) implements Serializable {

    /** Targets from the engine's result for one series. */
    public static InventoryTargets forForecast(double serviceLevel, int leadTimeDays, int bucketDays,
            SeriesForecast forecast) {
        return compute(serviceLevel, leadTimeDays, bucketDays, forecast.forecast(), forecast.leadTimeErrorVariance(),
                forecast.meanForecast(), forecast.errorStandardDeviation());
    }

    /**
     * @param pointForecast forecast per future bucket (the last value is repeated past the horizon)
     * @param cumulativeErrorVariance variance of the error summed over the first k buckets, k = 1.. (extended past
     *     its end by its last increment)
     */
    public static InventoryTargets compute(double serviceLevel, int leadTimeDays, int bucketDays,
            double[] pointForecast, double[] cumulativeErrorVariance, double meanDemandPerBucket,
            double errorStandardDeviationPerBucket) {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("service level must be in (0, 1): " + serviceLevel);
        }
        double leadTimeBuckets = (double) leadTimeDays / bucketDays;
        double z = ErrorSpread.zForServiceLevel(serviceLevel);
        double demandDuringLeadTime = Math.max(0, accumulate(leadTimeBuckets, k -> valueAt(pointForecast, k)));
        double variance = interpolatedCumulative(cumulativeErrorVariance, leadTimeBuckets);
        double safetyStock = Math.max(0, z * Math.sqrt(Math.max(0, variance)));
        return new InventoryTargets(serviceLevel, z, leadTimeDays, Math.max(0, meanDemandPerBucket),
                demandDuringLeadTime, errorStandardDeviationPerBucket, safetyStock, demandDuringLeadTime + safetyStock);
    }

    /** A flat forecast with independent errors: safety stock = z x error std x sqrt(lead time in buckets). */
    public static InventoryTargets compute(double serviceLevel, int leadTimeDays, int bucketDays,
            double meanDemandPerBucket, double errorStandardDeviationPerBucket) {
        int buckets = (int) Math.ceil((double) leadTimeDays / bucketDays) + 1;
        double[] flat = new double[buckets];
        Arrays.fill(flat, Math.max(0, meanDemandPerBucket));
        double[] cumulative = new double[buckets];
        double sigma = Math.max(0, errorStandardDeviationPerBucket);
        for (int k = 0; k < buckets; k++) {
            cumulative[k] = (k + 1) * sigma * sigma;
        }
        return compute(serviceLevel, leadTimeDays, bucketDays, flat, cumulative, meanDemandPerBucket,
                errorStandardDeviationPerBucket);
    }

    /** Sum of the first floor(length) buckets plus the fraction of the next one. */
    private static double accumulate(double length, IntToDoubleFunction values) {
        int whole = (int) Math.floor(length);
        double sum = 0;
        for (int k = 0; k < whole; k++) {
            sum += values.applyAsDouble(k);
        }
        return sum + (length - whole) * values.applyAsDouble(whole);
    }

    private static double valueAt(double[] values, int index) {
        return values.length == 0 ? 0 : values[Math.min(index, values.length - 1)];
    }

    /** The cumulative variance at a fractional number of buckets: linear between whole buckets, 0 at 0. */
    private static double interpolatedCumulative(double[] cumulative, double length) {
        if (cumulative.length == 0) {
            return 0;
        }
        return accumulate(length, k -> increment(cumulative, k));
    }

    private static double increment(double[] cumulative, int k) {
        int last = cumulative.length - 1;
        if (k == 0) {
            return cumulative[0];
        }
        if (k <= last) {
            return cumulative[k] - cumulative[k - 1];
        }
        return last == 0 ? cumulative[0] : cumulative[last] - cumulative[last - 1];
    }
}
