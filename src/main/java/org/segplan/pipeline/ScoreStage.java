package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentScoresTable;
import org.segplan.error.Errors;
import org.segplan.io.FeatureTables;
import org.segplan.io.ModelStore;
import org.segplan.mapping.InputFormat;
import org.segplan.segment.SegmentScoring;
import org.segplan.segment.SegmentIdMapping;

/**
 * Assigns customers to the existing segments of a saved segmentation model, without refitting: the run date's
 * {@code customer_features}, or an external table of customer features, to {@code customer_segment_scores}.
 */
public final class ScoreStage implements Stage {
    public static final String NAME = "score";

    public static final StageSpec SPEC = new StageSpec(NAME,
            "Assign customers to the segments of a saved segmentation model, without refitting.",
            List.of(StageSpec.TableRead.optional(CustomerFeaturesTable.NAME)),
            List.of(StageSpec.TableWrite.always(CustomerSegmentScoresTable.NAME)), false);

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
    public StageSpec spec() {
        return SPEC;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        ModelStore models = new ModelStore(context.tables());
        LocalDate runDate = context.run().runDate();
        LocalDate modelDate = options.modelRunDate()
                .filter(date -> models.exists(SegmentStage.MODEL_NAME, date))
                .or(() -> options.modelRunDate().isPresent() ? Optional.empty()
                        : models.latestOnOrBefore(SegmentStage.MODEL_NAME, runDate))
                .orElseThrow(() -> Errors.noSegmentationModel(
                        context.tables().root() + "/models/" + SegmentStage.MODEL_NAME,
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
            source = CustomerFeaturesTable.NAME + " (run date " + runDate + ")";
            features = inputs.optional(CustomerFeaturesTable.NAME).orElseThrow(() -> Errors.missingStageInput(
                    NAME, CustomerFeaturesTable.NAME, runDate.toString(), "segplan features"));
        }
        Dataset<Row> scores = SegmentScoring.scores(model, mapping, features, source, modelDate);
        context.tables().replaceRunDate(CustomerSegmentScoresTable.NAME, scores, context.run());
        long rowsIn = features.count();
        long rowsOut = context.tables().countRunDate(CustomerSegmentScoresTable.NAME, runDate);
        return new StageOutcome(List.of(TableCounts.output(CustomerSegmentScoresTable.NAME, rowsIn, rowsOut)),
                List.of("scored " + source + " with the segmentation model of " + modelDate + " (" + location
                        + "), " + mapping.algorithm().configName() + ", k = " + mapping.clusterToSegmentId().length));
    }
}
