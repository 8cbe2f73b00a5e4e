package org.segplan.classify;

import static java.util.Objects.requireNonNull;

/**
 * One rule of a domain rule set: customers for whom {@code when} (a Spark SQL boolean expression over the columns
 * of customer_features) is true belong to {@code segment}, unless an earlier rule matched.
 */
public record SegmentRule(String segment, String when) {
    public SegmentRule {
        requireNonNull(segment, "segment is null");
        requireNonNull(when, "when is null");
    }
}
