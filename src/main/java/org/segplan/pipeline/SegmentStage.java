package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ModelSelectionTable;
import org.segplan.contract.OutputColumns;
import org.segplan.error.Errors;
import org.segplan.io.ModelStore;
import org.segplan.segment.CandidateScore;
import org.segplan.segment.FittedSegmentation;
import org.segplan.segment.DataDrivenSegmentation;
import org.segplan.segment.MissingValues;

/** Fits k-means on {@code customer_features}, writes {@code customer_segments} and the model selection. */
public final class SegmentStage implements Stage {
    public static final String NAME = "segment";
    public static final String MODEL_NAME = "segmentation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        if (!context.lakehouse().exists(CustomerFeaturesTable.NAME)) {
            throw Errors.missingStageInput(NAME, CustomerFeaturesTable.NAME, context.run().runDate().toString(),
                    "segplan features");
        }
        Dataset<Row> features = context.lakehouse().readRunDate(CustomerFeaturesTable.NAME, context.run().runDate())
                .drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
        List<String> columns = DataDrivenSegmentation.resolveFeatures(context.config().segmentation().features(),
                Arrays.asList(features.columns()));
        MissingValues missing = DataDrivenSegmentation.missingValues(features, columns,
                context.config().segmentation().missingIndicators());
        Dataset<Row> modelInput = DataDrivenSegmentation.withMissingIndicators(features, missing)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            FittedSegmentation fitted = DataDrivenSegmentation.fit(modelInput, columns, missing,
                    context.config().segmentation());
            Dataset<Row> segments = DataDrivenSegmentation.withMembership(
                    DataDrivenSegmentation.assign(fitted, modelInput), fitted, context.config().segmentation())
                    .select(col(CustomersTable.CUSTOMER_ID).as(CustomerSegmentsTable.CUSTOMER_ID),
                            col(CustomerSegmentsTable.SEGMENT_ID),
                            concat(lit("S"), col(CustomerSegmentsTable.SEGMENT_ID)).as(CustomerSegmentsTable.SEGMENT_LABEL),
                            col(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY),
                            col(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID),
                            col(CustomerSegmentsTable.IS_BORDERLINE),
                            lit(context.config().segmentation().algorithm().configName()).as(CustomerSegmentsTable.ALGORITHM),
                            lit(fitted.k()).as(CustomerSegmentsTable.K));
            context.lakehouse().replaceRunDate(CustomerSegmentsTable.NAME, segments, context.run());
            context.lakehouse().replaceRunDate(ModelSelectionTable.NAME, selectionRows(context, fitted), context.run());
            new ModelStore(context.lakehouse()).save(MODEL_NAME, context.run().runDate(), fitted.model());

            long rowsIn = modelInput.count();
            long rowsOut = context.lakehouse().countRunDate(CustomerSegmentsTable.NAME, context.run().runDate());
            List<String> notes = new ArrayList<>();
            notes.add(context.config().segmentation().algorithm().configName() + ", k = " + fitted.k()
                    + (fitted.candidates().isEmpty() ? " (fixed)" : " chosen by " + fitted.candidates().get(0).metric()
                    + " from "
                    + fitted.candidates().stream().map(c -> c.k() + ":" + String.format("%.3f", c.score())).toList()));
            notes.add("features: " + columns + (missing.imputedFeatures().isEmpty() ? ""
                    : "; imputed (median): " + missing.imputedFeatures() + ", indicators for " + missing.indicatorFeatures()));
            return new StageOutcome(List.of(TableCounts.output(CustomerSegmentsTable.NAME, rowsIn, rowsOut)), notes);
        } finally {
            modelInput.unpersist();
        }
    }

    private static Dataset<Row> selectionRows(RunContext context, FittedSegmentation fitted) {
        String features = String.join(",", fitted.features());
        String algorithm = context.config().segmentation().algorithm().configName();
        List<Row> rows = new ArrayList<>();
        for (CandidateScore candidate : fitted.candidates()) {
            rows.add(RowFactory.create(algorithm, candidate.k(), candidate.metric(), candidate.score(),
                    candidate.sampleSize(), candidate.k() == fitted.k(), features));
        }
        if (fitted.candidates().isEmpty()) {
            rows.add(RowFactory.create(algorithm, fitted.k(), "fixed", null, null, true, features));
        }
        return context.spark().createDataFrame(rows, ModelSelectionTable.SCHEMA);
    }
}
