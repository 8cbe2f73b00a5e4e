package org.segplan.allocate.model;

import java.util.List;

/**
 * Why a period cannot be allocated and what would make it feasible.
 *
 * @param constraint "service" (a demand has no center within its maximum lead time) or "capacity"
 * @param zones the demands concerned (zone x segment labels)
 * @param centers the centers concerned (the saturated ones reachable from the short demands)
 * @param capacityShortfallUnits units that no permitted center can take (0 for a pure service problem)
 * @param remedy what would make it feasible, in words
 */
public record Infeasibility(String constraint, List<String> zones, List<String> centers,
        double capacityShortfallUnits, String remedy) {
    public Infeasibility {
        zones = List.copyOf(zones);
        centers = List.copyOf(centers);
    }

    public String describe() {
        return constraint + " constraint cannot be met for " + zones.size() + " zone x segment demand(s) "
                + preview(zones) + (centers.isEmpty() ? "" : " (centers " + preview(centers) + ")") + "; " + remedy;
    }

    private static String preview(List<String> items) {
        return items.size() <= 5 ? items.toString()
                : items.subList(0, 5) + " and " + (items.size() - 5) + " more";
    }
}
