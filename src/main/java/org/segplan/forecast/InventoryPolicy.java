package org.segplan.forecast;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;

/**
 * What inventory targets need beyond the forecast: each segment's target service level and policy name (from
 * segment_service_policy when it has the run date), and the settings' default level, lead times and bucket length.
 */
public record InventoryPolicy(Map<Integer, Double> serviceLevels, Map<Integer, String> policyNames,
        ForecastSettings settings) implements Serializable {
    public InventoryPolicy {
        serviceLevels = Map.copyOf(serviceLevels);
        policyNames = Map.copyOf(policyNames);
        requireNonNull(settings, "settings is null");
    }

    public double serviceLevel(Integer segmentId) {
        return segmentId == null ? settings.defaultServiceLevel()
                : serviceLevels.getOrDefault(segmentId, settings.defaultServiceLevel());
    }

    public String policyName(Integer segmentId) {
        return segmentId == null ? null : policyNames.get(segmentId);
    }

    public int leadTimeDays(String category) {
        return settings.leadTimeDays(category);
    }

    public int bucketDays() {
        return settings.bucket().days();
    }
}
