package org.segplan.policy;

import static java.util.Objects.requireNonNull;

/** Segments whose profile satisfies {@code when} (Spark SQL over profile columns) get {@code policy}. */
public record PolicyAssignment(String policy, String when) {
    public PolicyAssignment {
        requireNonNull(policy, "policy is null");
        requireNonNull(when, "when is null");
    }
}
