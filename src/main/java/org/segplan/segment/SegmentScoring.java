package org.segplan.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CustomerSegmentScoresTable;
import org.segplan.contract.CustomersTable;
import org.segplan.error.Errors;

/**
 * Assigns customers to the segments of a saved model: the same input preparation as the fit (missing-value
 * indicators, double casts), the saved pipeline, then the saved cluster-to-segment-id mapping.
 */
public final class SegmentScoring {
    private SegmentScoring() {
    }

    /**
     * customer_segment_scores rows: every customer of {@code features} in a segment of the saved model.
     *
     * @param source       how errors name the features (a table and run date, or a path)
     * @param modelRunDate run date of the model, recorded on every row
     */
    public static Dataset<Row> scores(PipelineModel model, SegmentIdMapping mapping, Dataset<Row> features,
            String source, LocalDate modelRunDate) {
        List<String> required = new ArrayList<>(mapping.features());
        required.add(0, CustomersTable.CUSTOMER_ID);
        List<String> present = Arrays.asList(features.columns());
        List<String> missing = required.stream().filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw Errors.scoringFeaturesMissing(source, missing, present);
        }
        List<String> withNulls = unimputedColumnsWithNulls(features, mapping);
        if (!withNulls.isEmpty()) {
            throw Errors.scoringNullFeatures(source, withNulls);
        }
        return score(model, mapping, features)
                .select(col(CustomersTable.CUSTOMER_ID).cast("string").as(CustomerSegmentScoresTable.CUSTOMER_ID),
                        col(CustomerSegmentScoresTable.SEGMENT_ID),
                        concat(lit("S"), col(CustomerSegmentScoresTable.SEGMENT_ID))
                                .as(CustomerSegmentScoresTable.SEGMENT_LABEL),
                        col(CustomerSegmentScoresTable.MEMBERSHIP_PROBABILITY),
                        col(CustomerSegmentScoresTable.RUNNER_UP_SEGMENT_ID),
                        lit(java.sql.Date.valueOf(modelRunDate)).as(CustomerSegmentScoresTable.MODEL_RUN_DATE));
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
