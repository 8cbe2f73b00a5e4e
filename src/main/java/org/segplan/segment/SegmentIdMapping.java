package org.segplan.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a saved segmentation model needs besides its MLlib pipeline to reproduce a run's segments: the published
 * segment id of each raw cluster index (segment ids are renumbered by size and matched to the previous run after
 * the fit, so the model's own cluster index is not the id), and how the model input was prepared.
 *
 * @param clusterToSegmentId published segment id for each raw cluster index of the model
 * @param features           model features, in the order the pipeline assembles them
 * @param imputedFeatures    features cast to double and imputed with the median inside the pipeline
 * @param indicatorFeatures  features whose 0/1 missing-value indicator is a model input
 */
public record SegmentIdMapping(int[] clusterToSegmentId, SegmentationAlgorithm algorithm,
        double borderlineProbability, List<String> features, List<String> imputedFeatures,
        List<String> indicatorFeatures) {
    public SegmentIdMapping {
        clusterToSegmentId = requireNonNull(clusterToSegmentId, "clusterToSegmentId is null").clone();
        requireNonNull(algorithm, "algorithm is null");
        features = List.copyOf(features);
        imputedFeatures = List.copyOf(imputedFeatures);
        indicatorFeatures = List.copyOf(indicatorFeatures);
    }

    @Override
    public int[] clusterToSegmentId() {
        return clusterToSegmentId.clone();
    }

    public MissingValues missingValues() {
        return new MissingValues(imputedFeatures, indicatorFeatures);
    }

    /** Composes the fit's size order with the stable ids: cluster index -> size rank -> published id. */
    public static int[] compose(int[] clusterToSizeRank, int[] sizeRankToSegmentId) {
        int[] result = new int[clusterToSizeRank.length];
        for (int cluster = 0; cluster < result.length; cluster++) {
            result[cluster] = sizeRankToSegmentId[clusterToSizeRank[cluster] - 1];
        }
        return result;
    }
}
