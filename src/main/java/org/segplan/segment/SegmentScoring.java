package org.segplan.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Assigns customers to the segments of a saved model: the same input preparation as the fit (missing-value
 * indicators, double casts), the saved pipeline, then the saved cluster-to-segment-id mapping.
 */
public final class SegmentScoring {
    private SegmentScoring() {
    }

    /** Adds segment_id, membership_probability, runner_up_segment_id and is_borderline. */
    public static Dataset<Row> score(PipelineModel model, SegmentIdMapping mapping, Dataset<Row> features) {
        Dataset<Row> input = DataDrivenSegmentation.withMissingIndicators(features, mapping.missingValues());
        for (String name : mapping.features()) {
            input = input.withColumn(name, col(name).cast("double"));
        }
        return DataDrivenSegmentation.withMembership(model.transform(input), mapping.clusterToSegmentId(),
                mapping.algorithm(), mapping.borderlineProbability());
    }

    /** Model features with empty values that the saved pipeline does not impute (it would fail on them). */
    public static List<String> unimputedColumnsWithNulls(Dataset<Row> features, SegmentIdMapping mapping) {
        List<String> checked = mapping.features().stream()
                .filter(name -> !mapping.imputedFeatures().contains(name)).toList();
        if (checked.isEmpty()) {
            return List.of();
        }
        List<Column> counts = new ArrayList<>();
        for (String name : checked) {
            counts.add(count(when(col(name).isNull().or(col(name).cast("double").isNaN()), 1)));
        }
        Row row = features.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).head();
        List<String> result = new ArrayList<>();
        for (int index = 0; index < checked.size(); index++) {
            if (row.getLong(index) > 0) {
                result.add(checked.get(index));
            }
        }
        return result;
    }
}
