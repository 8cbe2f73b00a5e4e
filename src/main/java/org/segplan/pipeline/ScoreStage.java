package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.config.InputFormat;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentScoresTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.OutputColumns;
import org.segplan.error.Errors;
import org.segplan.io.FeatureTables;
import org.segplan.io.ModelStore;
import org.segplan.segment.SegmentScoring;
import org.segplan.segment.SegmentIdMapping;

/**
 * Assigns customers to the existing segments of a saved segmentation model, without refitting: the run date's
 * {@code customer_features}, or an external table of customer features, to {@code customer_segment_scores}.
 */
public final class ScoreStage implements Stage {
    public static final String NAME = "score";

    private final Options options;

    /**
     * @param modelRunDate the model to use; empty: the latest saved on or before the run date
     * @param featuresPath an external table of customer features; empty: the run date's customer_features
     */
    public record Options(Optional<LocalDate> modelRunDate, Optional<String> featuresPath, InputFormat format) {
        public Options {
            requireNonNull(modelRunDate, "modelRunDate is null");
            requireNonNull(featuresPath, "featuresPath is null");
            requireNonNull(format, "format is null");
        }

        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), InputFormat.DELTA);
        }
    }

    public ScoreStage(Options options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        ModelStore models = new ModelStore(context.lakehouse());
        LocalDate runDate = context.run().runDate();
        LocalDate modelDate = options.modelRunDate()
                .filter(date -> models.exists(SegmentStage.MODEL_NAME, date))
                .or(() -> options.modelRunDate().isPresent() ? Optional.empty()
                        : models.latestOnOrBefore(SegmentStage.MODEL_NAME, runDate))
                .orElseThrow(() -> Errors.noSegmentationModel(
                        context.lakehouse().root() + "/models/" + SegmentStage.MODEL_NAME,
                        options.modelRunDate().orElse(runDate).toString()));
        String location = models.location(SegmentStage.MODEL_NAME, modelDate);
        SegmentIdMapping mapping = models.loadMapping(SegmentStage.MODEL_NAME, modelDate)
                .orElseThrow(() -> Errors.modelWithoutSegmentIds(location));
        PipelineModel model = models.load(SegmentStage.MODEL_NAME, modelDate);

        String source;
        Dataset<Row> features;
        if (options.featuresPath().isPresent()) {
            source = options.featuresPath().get();
            features = FeatureTables.read(context.spark(), source, options.format());
        } else {
            if (!context.lakehouse().exists(CustomerFeaturesTable.NAME)
                    || context.lakehouse().readRunDate(CustomerFeaturesTable.NAME, runDate).isEmpty()) {
                throw Errors.missingStageInput(NAME, CustomerFeaturesTable.NAME, runDate.toString(), "segplan features");
            }
            source = CustomerFeaturesTable.NAME + " (run date " + runDate + ")";
            features = context.lakehouse().readRunDate(CustomerFeaturesTable.NAME, runDate)
                    .drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
        }
        List<String> required = new ArrayList<>(mapping.features());
        required.add(0, CustomersTable.CUSTOMER_ID);
        List<String> present = Arrays.asList(features.columns());
        List<String> missing = required.stream().filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw Errors.scoringFeaturesMissing(source, missing, present);
        }
        List<String> withNulls = SegmentScoring.unimputedColumnsWithNulls(features, mapping);
        if (!withNulls.isEmpty()) {
            throw Errors.scoringNullFeatures(source, withNulls);
        }
        Dataset<Row> scores = SegmentScoring.score(model, mapping, features)
                .select(col(CustomersTable.CUSTOMER_ID).cast("string").as(CustomerSegmentScoresTable.CUSTOMER_ID),
                        col(CustomerSegmentScoresTable.SEGMENT_ID),
                        concat(lit("S"), col(CustomerSegmentScoresTable.SEGMENT_ID))
                                .as(CustomerSegmentScoresTable.SEGMENT_LABEL),
                        col(CustomerSegmentScoresTable.MEMBERSHIP_PROBABILITY),
                        col(CustomerSegmentScoresTable.RUNNER_UP_SEGMENT_ID),
                        lit(java.sql.Date.valueOf(modelDate)).as(CustomerSegmentScoresTable.MODEL_RUN_DATE));
        context.lakehouse().replaceRunDate(CustomerSegmentScoresTable.NAME, scores, context.run());
        long rowsIn = features.count();
        long rowsOut = context.lakehouse().countRunDate(CustomerSegmentScoresTable.NAME, runDate);
        return new StageOutcome(List.of(TableCounts.output(CustomerSegmentScoresTable.NAME, rowsIn, rowsOut)),
                List.of("scored " + source + " with the segmentation model of " + modelDate + " (" + location
                        + "), " + mapping.algorithm().configName() + ", k = " + mapping.clusterToSegmentId().length));
    }
}
