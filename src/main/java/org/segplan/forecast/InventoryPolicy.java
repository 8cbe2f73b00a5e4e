package org.segplan.forecast;

import java.io.Serializable;
import java.util.Map;

/**
 * What inventory targets need beyond the forecast: each segment's target service level and policy name (from
 * segment_service_policy when it has the run date), the default level, and the lead times.
 */
public record InventoryPolicy(Map<Integer, Double> serviceLevels, Map<Integer, String> policyNames,
        double defaultServiceLevel, int defaultLeadTimeDays, Map<String, Integer> leadTimeByCategory, int bucketDays)
        implements Serializable {
    public InventoryPolicy {
        serviceLevels = Map.copyOf(serviceLevels);
        policyNames = Map.copyOf(policyNames);
        leadTimeByCategory = Map.copyOf(leadTimeByCategory);
    }

    public double serviceLevel(Integer segmentId) {
        return segmentId == null ? defaultServiceLevel : serviceLevels.getOrDefault(segmentId, defaultServiceLevel);
    }

    public String policyName(Integer segmentId) {
        return segmentId == null ? null : policyNames.get(segmentId);
    }

    public int leadTimeDays(String category) {
        return leadTimeByCategory.getOrDefault(category, defaultLeadTimeDays);
    }
}
