package org.segplan.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.segplan.error.Errors;

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

    static RuleKind parse(String key, String value) {
        for (RuleKind kind : values()) {
            if (kind.configName().equals(value)) {
                return kind;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a rule-set kind segplan knows",
                "use one of " + Arrays.stream(values()).map(RuleKind::configName).collect(Collectors.joining(", ")));
    }
}
