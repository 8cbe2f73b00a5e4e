package org.segplan.allocate.model;

/**
 * How distance turns into cost and lead time: cost per unit = km x transport rate + the center's handling cost;
 * lead time = km / speed + handling days.
 */
public record CostParameters(double transportCostPerUnitKm, double speedKmPerDay, double handlingDays)
        implements java.io.Serializable {
    public CostParameters {
        if (!(transportCostPerUnitKm >= 0) || !(speedKmPerDay > 0) || !(handlingDays >= 0)) {
            throw new IllegalArgumentException("transport cost and handling days must be >= 0, speed > 0");
        }
    }

    public double costPerUnit(double distanceKm, Center center) {
        return distanceKm * transportCostPerUnitKm + center.handlingCostPerUnit();
    }

    public double leadTimeDays(double distanceKm) {
        return distanceKm / speedKmPerDay + handlingDays;
    }
}
