package org.segplan.allocate.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * Demand of one zone x segment in one period.
 *
 * @param segmentId null for unsegmented demand
 * @param maxLeadTimeDays the segment's service limit; empty means any center may serve it
 */
public record Demand(String zoneId, Integer segmentId, double latitude, double longitude, double units,
        OptionalDouble maxLeadTimeDays) {
    public Demand {
        requireNonNull(zoneId, "zoneId is null");
        requireNonNull(maxLeadTimeDays, "maxLeadTimeDays is null");
        if (!(units >= 0)) {
            throw new IllegalArgumentException("demand of zone " + zoneId + " must be >= 0, was " + units);
        }
    }

    public String label() {
        return zoneId + " x segment " + (segmentId == null ? "unsegmented" : segmentId);
    }
}
