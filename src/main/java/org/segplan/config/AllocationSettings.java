package org.segplan.config;

import static org.segplan.config.ConfigValues.bool;
import static org.segplan.config.ConfigValues.nonBlank;
import static org.segplan.config.ConfigValues.nonNegativeInt;
import static org.segplan.config.ConfigValues.number;
import static org.segplan.config.ConfigValues.positiveInt;

import com.typesafe.config.Config;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.segplan.allocate.PlanSettings;
import org.segplan.allocate.ZoneScheme;
import org.segplan.allocate.model.CostParameters;
import org.segplan.allocate.model.Sourcing;
import org.segplan.error.Errors;

/**
 * Parses {@code segplan.allocation} into the allocation's own settings record ({@link PlanSettings}): the one
 * settings type of the allocate stage, validated here.
 */
final class AllocationSettings {
    private static final String PREFIX = "allocation.";

    private AllocationSettings() {
    }

    static PlanSettings parse(Config root) {
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
        PlanSettings.NetworkDesign networkDesign = new PlanSettings.NetworkDesign(designEnabled, maxOpen, budget,
                nonNegativeInt(root, design + "candidate-sites"));
        ZoneScheme zones = zoneScheme("segplan.allocation.zones", nonBlank(root, PREFIX + "zones"));
        double gridDegrees = positive(root, "grid-degrees");
        OptionalDouble defaultLeadTime = root.hasPath(PREFIX + "default-max-lead-time-days")
                ? OptionalDouble.of(positive(root, "default-max-lead-time-days")) : OptionalDouble.empty();
        return new PlanSettings(new CostParameters(rate, speed, handlingDays), penalty,
                single ? Sourcing.SINGLE : Sourcing.SPLIT, mipTimeLimit, networkDesign, zones, gridDegrees,
                defaultLeadTime);
    }

    private static ZoneScheme zoneScheme(String key, String value) {
        for (ZoneScheme scheme : ZoneScheme.values()) {
            if (scheme.configName().equals(value)) {
                return scheme;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a zone scheme segplan knows", "use one of "
                + Arrays.stream(ZoneScheme.values()).map(ZoneScheme::configName).collect(Collectors.joining(", ")));
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
