package org.segplan.policy;

import java.util.Locale;

/** How the orders of a service policy are consolidated before they ship. */
public enum Consolidation {
    NONE,
    DAILY,
    WEEKLY,
    MADE_TO_ORDER;

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
