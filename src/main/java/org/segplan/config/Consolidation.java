package org.segplan.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.segplan.error.Errors;

/** How the orders of a service policy are consolidated before they ship. */
public enum Consolidation {
    NONE,
    DAILY,
    WEEKLY,
    MADE_TO_ORDER;

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Consolidation parse(String key, String value) {
        for (Consolidation consolidation : values()) {
            if (consolidation.configName().equals(value)) {
                return consolidation;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a consolidation mode segplan knows",
                "use one of " + Arrays.stream(values()).map(Consolidation::configName).collect(Collectors.joining(", ")));
    }
}
