package org.segplan.allocate.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One period's allocation: every demand, every center, and the arcs the service rule permits. An arc from a
 * center to a demand exists only when its lead time is within the demand's maximum, so forbidden assignments are
 * never variables. Built once, read by the solver, the greedy baseline and the diagnosis.
 *
 * @param unmetPenaltyPerUnit price of a unit not delivered; empty means every unit must be delivered
 */
public record AllocationProblem(List<Demand> demands, List<Center> centers, CostParameters costs,
        OptionalDouble unmetPenaltyPerUnit, Sourcing sourcing, List<Arc> arcs, int[] nearestCenter) {
    /** Lead times are compared with this slack so that a limit equal to the computed time is met. */
    static final double LEAD_TIME_TOLERANCE_DAYS = 1e-9;

    public AllocationProblem {
        demands = List.copyOf(requireNonNull(demands, "demands is null"));
        centers = List.copyOf(requireNonNull(centers, "centers is null"));
        requireNonNull(costs, "costs is null");
        requireNonNull(unmetPenaltyPerUnit, "unmetPenaltyPerUnit is null");
        requireNonNull(sourcing, "sourcing is null");
        arcs = List.copyOf(requireNonNull(arcs, "arcs is null"));
        requireNonNull(nearestCenter, "nearestCenter is null");
    }

    public static AllocationProblem of(List<Demand> demands, List<Center> centers, CostParameters costs,
            OptionalDouble unmetPenaltyPerUnit, Sourcing sourcing) {
        if (centers.isEmpty()) {
            throw new IllegalArgumentException("an allocation needs at least one center");
        }
        unmetPenaltyPerUnit.ifPresent(penalty -> {
            if (!(penalty >= 0)) {
                throw new IllegalArgumentException("unmet-demand penalty must be >= 0, was " + penalty);
            }
        });
        List<Arc> arcs = new ArrayList<>();
        int[] nearest = new int[demands.size()];
        for (int d = 0; d < demands.size(); d++) {
            Demand demand = demands.get(d);
            double nearestKm = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centers.size(); c++) {
                Center center = centers.get(c);
                double km = GreatCircle.distanceKm(demand.latitude(), demand.longitude(), center.latitude(),
                        center.longitude());
                if (km < nearestKm) {
                    nearestKm = km;
                    nearest[d] = c;
                }
                double leadTime = costs.leadTimeDays(km);
                boolean permitted = demand.maxLeadTimeDays().isEmpty()
                        || leadTime <= demand.maxLeadTimeDays().getAsDouble() + LEAD_TIME_TOLERANCE_DAYS;
                if (permitted && center.capacityUnits() > 0) {
                    arcs.add(new Arc(d, c, km, leadTime, costs.costPerUnit(km, center)));
                }
            }
        }
        return new AllocationProblem(demands, centers, costs, unmetPenaltyPerUnit, sourcing, arcs, nearest);
    }

    /** The same demands served by a subset of the centers (network design's chosen ones). */
    public AllocationProblem withCenters(List<Center> subset) {
        return of(demands, subset, costs, unmetPenaltyPerUnit, sourcing);
    }

    public boolean allowsUnmet() {
        return unmetPenaltyPerUnit.isPresent();
    }

    public double totalDemand() {
        return demands.stream().mapToDouble(Demand::units).sum();
    }

    public double totalCapacity() {
        return centers.stream().mapToDouble(Center::capacityUnits).sum();
    }

    /** Distance from a demand to a center, whether or not an arc exists. */
    public double distanceKm(int demand, int center) {
        Demand d = demands.get(demand);
        Center c = centers.get(center);
        return GreatCircle.distanceKm(d.latitude(), d.longitude(), c.latitude(), c.longitude());
    }
}
