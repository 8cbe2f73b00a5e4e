package org.segplan.forecast.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * An exogenous 0/1 (or count) series aligned with a history and its horizon, e.g. holiday days per bucket.
 * A value above 0 flags the bucket.
 */
public record Regressor(String name, double[] values) implements Serializable {
    public Regressor {
        requireNonNull(name, "name is null");
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The first {@code length} values: the regressor as seen from an earlier forecast origin. */
    public Regressor truncate(int length) {
        return new Regressor(name, java.util.Arrays.copyOf(values, Math.min(length, values.length)));
    }

    public boolean flagsAny(int from, int to) {
        for (int t = from; t < Math.min(to, values.length); t++) {
            if (values[t] > 0) {
                return true;
            }
        }
        return false;
    }
}
