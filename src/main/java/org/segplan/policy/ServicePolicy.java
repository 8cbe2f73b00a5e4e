package org.segplan.policy;

import static java.util.Objects.requireNonNull;

/** One entry of the service-policy catalogue: the service a segment is promised. */
public record ServicePolicy(String name, double targetServiceLevel, int maxLeadTimeDays, Consolidation consolidation) {
    public ServicePolicy {
        requireNonNull(name, "name is null");
        requireNonNull(consolidation, "consolidation is null");
    }
}
