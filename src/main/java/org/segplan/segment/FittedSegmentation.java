package org.segplan.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.ml.PipelineModel;

/**
 * A fitted segmentation: the MLlib pipeline (imputation, scaling, clustering) and how k was chosen.
 *
 * @param clusterToSegment segment number (1 = largest) for each raw cluster index
 */
public record FittedSegmentation(PipelineModel model, int k, List<CandidateScore> candidates,
        List<String> features, int[] clusterToSegment) {
    public FittedSegmentation {
        requireNonNull(model, "model is null");
        candidates = List.copyOf(candidates);
        features = List.copyOf(features);
        clusterToSegment = clusterToSegment.clone();
    }
}
