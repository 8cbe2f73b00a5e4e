package org.segplan.classify;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.segplan.policy.ServicePolicySettings;

/**
 * What the classification needs: domain rule sets ({@code segplan.rules}), ABC/XYZ ({@code segplan.abc-xyz}) and
 * service policies ({@code segplan.service-policies}).
 */
public record ClassifySettings(List<RuleSetSettings> ruleSets, AbcXyzSettings abcXyz,
        ServicePolicySettings servicePolicies) {
    public ClassifySettings {
        ruleSets = List.copyOf(requireNonNull(ruleSets, "ruleSets is null"));
        requireNonNull(abcXyz, "abcXyz is null");
        requireNonNull(servicePolicies, "servicePolicies is null");
    }
}
