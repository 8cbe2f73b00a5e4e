package org.segplan.features;

import static java.util.Objects.requireNonNull;

/** One entry of the feature dictionary: what a feature means, its unit, and where it comes from. */
public record FeatureDefinition(String name, String meaning, String unit, String source) {
    public FeatureDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(meaning, "meaning is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(source, "source is null");
    }
}
