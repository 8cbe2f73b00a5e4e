package org.segplan.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything one segmentation run produces: the rows of each output table (without run_date and run_id), the fitted
 * model with the mapping a later scoring needs, and the notes. The frames read customer assignments held in memory
 * until {@link #close()}: write them first.
 *
 * @param customerSegments   customer_segments rows
 * @param modelSelection     segmentation_model_selection rows
 * @param profiles           segment_profiles rows
 * @param centroids          segment_centroids rows (stable ids)
 * @param migrations         segment_migrations rows, when there is a previous run
 * @param explanations       segment_explanations rows
 * @param explanationSummary segment_explanation_summary row
 * @param model              the fitted MLlib pipeline (imputation, scaling, clusterer)
 * @param mapping            the model's cluster index to published segment id, and how its input was prepared
 * @param customers          customers segmented (rows of customer_features)
 * @param persisted          frames held in memory for the writes, released by {@link #close()}
 */
public record SegmentationResult(Dataset<Row> customerSegments, Dataset<Row> modelSelection, Dataset<Row> profiles,
        Dataset<Row> centroids, Optional<Dataset<Row>> migrations, Dataset<Row> explanations,
        Dataset<Row> explanationSummary, PipelineModel model, SegmentIdMapping mapping, long customers,
        List<String> notes, List<Dataset<Row>> persisted) implements AutoCloseable {
    public SegmentationResult {
        requireNonNull(customerSegments, "customerSegments is null");
        requireNonNull(modelSelection, "modelSelection is null");
        requireNonNull(profiles, "profiles is null");
        requireNonNull(centroids, "centroids is null");
        requireNonNull(migrations, "migrations is null");
        requireNonNull(explanations, "explanations is null");
        requireNonNull(explanationSummary, "explanationSummary is null");
        requireNonNull(model, "model is null");
        requireNonNull(mapping, "mapping is null");
        notes = List.copyOf(notes);
        persisted = List.copyOf(persisted);
    }

    @Override
    public void close() {
        persisted.forEach(Dataset::unpersist);
    }
}
