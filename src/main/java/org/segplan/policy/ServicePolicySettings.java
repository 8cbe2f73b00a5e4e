package org.segplan.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The policy catalogue, the ordered assignment rules (first match wins) and the policy of unmatched segments. */
public record ServicePolicySettings(List<ServicePolicy> catalogue, List<PolicyAssignment> assignment,
        String defaultPolicy) {
    public ServicePolicySettings {
        catalogue = List.copyOf(requireNonNull(catalogue, "catalogue is null"));
        assignment = List.copyOf(requireNonNull(assignment, "assignment is null"));
        requireNonNull(defaultPolicy, "defaultPolicy is null");
    }

    public ServicePolicy policy(String name) {
        return catalogue.stream().filter(policy -> policy.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy named " + name));
    }
}
