package org.segplan.mapping;

import static java.util.Objects.requireNonNull;

/** A column added to the source before aggregation and filters, under a name of its own. */
public record NamedRule(String name, ColumnRule rule) {
    public NamedRule {
        requireNonNull(name, "name is null");
        requireNonNull(rule, "rule is null");
    }
}
