package org.segplan.forecast.model;

import java.io.Serializable;

/**
 * Safety stock and reorder point for one series from its forecast error: safety stock = z(service level) x
 * error standard deviation per bucket x sqrt(lead time in buckets) (errors of successive buckets taken as
 * independent), reorder point = mean demand over the lead time + safety stock.
 */
public record InventoryTargets(double serviceLevel, double z, int leadTimeDays, double meanDemandPerBucket,
        double demandDuringLeadTime, double errorStandardDeviationPerBucket, double safetyStockUnits,
        double reorderPointUnits) implements Serializable {

    public static InventoryTargets compute(double serviceLevel, int leadTimeDays, int bucketDays,
            double meanDemandPerBucket, double errorStandardDeviationPerBucket) {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("service level must be in (0, 1): " + serviceLevel);
        }
        double leadTimeBuckets = (double) leadTimeDays / bucketDays;
        double z = ErrorSpread.zForServiceLevel(serviceLevel);
        double mean = Math.max(0, meanDemandPerBucket);
        double demandDuringLeadTime = mean * leadTimeBuckets;
        double safetyStock = Math.max(0, z * Math.max(0, errorStandardDeviationPerBucket) * Math.sqrt(leadTimeBuckets));
        return new InventoryTargets(serviceLevel, z, leadTimeDays, mean, demandDuringLeadTime,
                errorStandardDeviationPerBucket, safetyStock, demandDuringLeadTime + safetyStock);
    }
}
