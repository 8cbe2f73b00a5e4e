package org.segplan.config;

import static java.util.Objects.requireNonNull;
import static org.segplan.config.ConfigValues.bool;
import static org.segplan.config.ConfigValues.nonBlank;
import static org.segplan.config.ConfigValues.nonNegativeInt;
import static org.segplan.config.ConfigValues.number;
import static org.segplan.config.ConfigValues.positiveInt;

import com.typesafe.config.Config;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.segplan.error.Errors;

/**
 * Distribution-center allocation settings ({@code segplan.allocation}).
 *
 * @param unmetDemandPenaltyPerUnit empty: every unit of demand must be delivered (else the period is infeasible)
 * @param defaultMaxLeadTimeDays used for segments without a service policy; empty: unconstrained
 */
public record AllocationSettings(
        double transportCostPerUnitKm,
        double speedKmPerDay,
        double handlingDays,
        OptionalDouble unmetDemandPenaltyPerUnit,
        boolean singleSourcing,
        double mipTimeLimitSeconds,
        NetworkDesign networkDesign,
        ZoneScheme zones,
        double gridDegrees,
        OptionalDouble defaultMaxLeadTimeDays) {
    private static final String PREFIX = "allocation.";

    public AllocationSettings {
        requireNonNull(unmetDemandPenaltyPerUnit, "unmetDemandPenaltyPerUnit is null");
        requireNonNull(networkDesign, "networkDesign is null");
        requireNonNull(zones, "zones is null");
        requireNonNull(defaultMaxLeadTimeDays, "defaultMaxLeadTimeDays is null");
    }

    /**
     * Which centers to open: at most {@code maxOpenCenters} and/or within {@code budget} of fixed cost per week.
     *
     * @param candidateSites how many new sites to propose by demand-weighted k-means (0: none)
     */
    public record NetworkDesign(boolean enabled, OptionalInt maxOpenCenters, OptionalDouble budget, int candidateSites) {
        public NetworkDesign {
            requireNonNull(maxOpenCenters, "maxOpenCenters is null");
            requireNonNull(budget, "budget is null");
        }
    }

    static AllocationSettings parse(Config root) {
        double rate = nonNegative(root, "transport-cost-per-unit-km");
        double speed = positive(root, "speed-km-per-day");
        double handlingDays = nonNegative(root, "handling-days");
        OptionalDouble penalty = root.hasPath(PREFIX + "unmet-demand-penalty-per-unit")
                ? OptionalDouble.of(nonNegative(root, "unmet-demand-penalty-per-unit")) : OptionalDouble.empty();
        boolean single = bool(root, PREFIX + "single-sourcing");
        double mipTimeLimit = positive(root, "mip-time-limit-seconds");
        String design = PREFIX + "network-design.";
        OptionalInt maxOpen = root.hasPath(design + "max-open-centers")
                ? OptionalInt.of(positiveInt(root, design + "max-open-centers")) : OptionalInt.empty();
        OptionalDouble budget = root.hasPath(design + "budget")
                ? OptionalDouble.of(nonNegative(root, "network-design.budget")) : OptionalDouble.empty();
        boolean designEnabled = bool(root, design + "enabled");
        if (designEnabled && maxOpen.isEmpty() && budget.isEmpty()) {
            throw Errors.invalidConfigValue("segplan.allocation.network-design.enabled", true,
                    "network design needs a limit, or it would simply keep every center that lowers cost",
                    "set network-design.max-open-centers and/or network-design.budget (fixed cost per week)");
        }
        NetworkDesign networkDesign = new NetworkDesign(designEnabled, maxOpen, budget,
                nonNegativeInt(root, design + "candidate-sites"));
        ZoneScheme zones = ZoneScheme.parse("segplan.allocation.zones", nonBlank(root, PREFIX + "zones"));
        double gridDegrees = positive(root, "grid-degrees");
        OptionalDouble defaultLeadTime = root.hasPath(PREFIX + "default-max-lead-time-days")
                ? OptionalDouble.of(positive(root, "default-max-lead-time-days")) : OptionalDouble.empty();
        return new AllocationSettings(rate, speed, handlingDays, penalty, single, mipTimeLimit, networkDesign, zones,
                gridDegrees, defaultLeadTime);
    }

    private static double nonNegative(Config root, String key) {
        double value = number(root, PREFIX + key);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw Errors.invalidConfigValue("segplan." + PREFIX + key, value, "it must not be negative",
                    "give a number >= 0");
        }
        return value;
    }

    private static double positive(Config root, String key) {
        double value = number(root, PREFIX + key);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw Errors.invalidConfigValue("segplan." + PREFIX + key, value, "it must be positive", "give a number > 0");
        }
        return value;
    }
}
