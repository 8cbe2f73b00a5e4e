package org.segplan.classify;

import java.util.Locale;

/** The business dimension a domain rule set segments customers by. */
public enum RuleKind {
    DEMOGRAPHIC,
    ECONOMIC,
    GEOGRAPHIC,
    PSYCHOGRAPHIC,
    VALUE,
    NEEDS,
    LIFECYCLE,
    BEHAVIOUR;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
