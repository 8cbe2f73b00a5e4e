package org.segplan.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.TreeSet;

/** A row-level rule on one parsed column value; a failing value sends the row to quarantine. */
public sealed interface ValueRule {
    /** Any parsed value is accepted. */
    record Anything() implements ValueRule {
    }

    /** Strictly greater than zero (quantities, prices, capacities). */
    record Positive() implements ValueRule {
    }

    /** Zero or more (costs, lead times). */
    record NonNegative() implements ValueRule {
    }

    /** Within a closed range (scores in [0,1], latitudes). */
    record Between(double minimum, double maximum) implements ValueRule {
    }

    /**
     * One of a fixed vocabulary, compared case-insensitively after trimming. Kept sorted: the vocabulary is
     * quoted in quarantine messages, which must read the same on every run.
     */
    record OneOf(List<String> allowed) implements ValueRule {
        public OneOf {
            allowed = List.copyOf(new TreeSet<>(requireNonNull(allowed, "allowed is null")));
        }
    }

    /** A timestamp or date not after the end of the run date. */
    record NotAfterRunDate() implements ValueRule {
    }

    static ValueRule anything() {
        return new Anything();
    }

    static ValueRule positive() {
        return new Positive();
    }

    static ValueRule nonNegative() {
        return new NonNegative();
    }

    static ValueRule between(double minimum, double maximum) {
        return new Between(minimum, maximum);
    }

    static ValueRule oneOf(String... allowed) {
        return new OneOf(List.of(allowed));
    }

    static ValueRule notAfterRunDate() {
        return new NotAfterRunDate();
    }
}
