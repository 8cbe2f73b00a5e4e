package org.segplan.allocate;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.segplan.allocate.model.CostParameters;
import org.segplan.allocate.model.Sourcing;

/**
 * What the allocation needs to know beyond its input frames; the configuration ({@code segplan.allocation})
 * builds it.
 *
 * @param unmetDemandPenaltyPerUnit empty: every unit of demand must be delivered (else the period is infeasible)
 * @param sourcing split deliveries (an LP) or one center per zone x segment (a MIP)
 * @param defaultMaxLeadTimeDays for segments without a service policy and unsegmented demand; empty: unconstrained
 */
public record PlanSettings(
        CostParameters costs,
        OptionalDouble unmetDemandPenaltyPerUnit,
        Sourcing sourcing,
        double mipTimeLimitSeconds,
        NetworkDesign networkDesign,
        ZoneScheme zones,
        double gridDegrees,
        OptionalDouble defaultMaxLeadTimeDays) {

    public PlanSettings {
        requireNonNull(costs, "costs is null");
        requireNonNull(unmetDemandPenaltyPerUnit, "unmetDemandPenaltyPerUnit is null");
        requireNonNull(sourcing, "sourcing is null");
        requireNonNull(networkDesign, "networkDesign is null");
        requireNonNull(zones, "zones is null");
        requireNonNull(defaultMaxLeadTimeDays, "defaultMaxLeadTimeDays is null");
    }

    /**
     * Which centers to keep open: when {@code enabled}, at most {@code maxOpenCenters} and/or within
     * {@code budget} of fixed cost per week.
     *
     * @param candidateSites how many new sites to propose by demand-weighted k-means (0: none)
     */
    public record NetworkDesign(boolean enabled, OptionalInt maxOpenCenters, OptionalDouble budget, int candidateSites) {
        public NetworkDesign {
            requireNonNull(maxOpenCenters, "maxOpenCenters is null");
            requireNonNull(budget, "budget is null");
        }

        /** Every center stays open; no sites proposed. */
        public static NetworkDesign none() {
            return new NetworkDesign(false, OptionalInt.empty(), OptionalDouble.empty(), 0);
        }
    }
}
