package org.segplan.allocate.model;

import static java.util.Objects.requireNonNull;

/**
 * A distribution center as the model sees it: capacity already scaled to the period's length.
 *
 * @param capacityUnits units it can ship in the period
 * @param fixedCost cost of keeping it open for the period (only network design weighs it)
 */
public record Center(String id, double latitude, double longitude, double capacityUnits, double handlingCostPerUnit,
        double fixedCost) implements java.io.Serializable {
    public Center {
        requireNonNull(id, "id is null");
        if (!(capacityUnits >= 0) || !(handlingCostPerUnit >= 0) || !(fixedCost >= 0)) {
            throw new IllegalArgumentException("center " + id + ": capacity and costs must be >= 0");
        }
    }
}
