package org.segplan.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/** Data-driven segmentation settings. */
public record SegmentationSettings(
        SegmentationAlgorithm algorithm,
        int kMin,
        int kMax,
        OptionalInt fixedK,
        long seed,
        int maxIterations,
        int initializations,
        int selectionSampleSize,
        List<String> features,
        boolean missingIndicators,
        double borderlineProbability) {
    public SegmentationSettings {
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(fixedK, "fixedK is null");
        features = List.copyOf(requireNonNull(features, "features is null"));
    }
}
