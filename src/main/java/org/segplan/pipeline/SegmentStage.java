package org.segplan.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.ModelSelectionTable;
import org.segplan.contract.SegmentCentroidsTable;
import org.segplan.contract.SegmentExplanationSummaryTable;
import org.segplan.contract.SegmentExplanationsTable;
import org.segplan.contract.SegmentMigrationsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.io.ModelStore;
import org.segplan.io.RunIdentity;
import org.segplan.io.TableStore;
import org.segplan.pipeline.StageSpec.TableRead;
import org.segplan.pipeline.StageSpec.TableWrite;
import org.segplan.segment.Segmentation;
import org.segplan.segment.SegmentationResult;

/** Segments customer_features (see {@link Segmentation}) and writes the segment tables and the fitted model. */
public final class SegmentStage implements Stage {
    public static final String NAME = "segment";
    public static final String MODEL_NAME = "segmentation";

    public static final StageSpec SPEC = new StageSpec(NAME,
            "Segment customers (k-means, bisecting k-means or a Gaussian mixture); ids stable across run dates.",
            List.of(TableRead.required(CustomerFeaturesTable.NAME)),
            List.of(TableWrite.always(CustomerSegmentsTable.NAME), TableWrite.always(ModelSelectionTable.NAME),
                    TableWrite.always(SegmentProfilesTable.NAME), TableWrite.always(SegmentCentroidsTable.NAME),
                    TableWrite.when("from the second run date on", SegmentMigrationsTable.NAME),
                    TableWrite.always(SegmentExplanationsTable.NAME),
                    TableWrite.always(SegmentExplanationSummaryTable.NAME)),
            false);

    @Override
    public StageSpec spec() {
        return SPEC;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        TableStore tables = context.tables();
        RunIdentity run = context.run();
        try (SegmentationResult result = Segmentation.compute(inputs.table(CustomerFeaturesTable.NAME),
                previous(tables, run.runDate()), context.config().segmentation(), context.config().explanation())) {
            tables.replaceRunDate(CustomerSegmentsTable.NAME, result.customerSegments(), run);
            tables.replaceRunDate(ModelSelectionTable.NAME, result.modelSelection(), run);
            tables.replaceRunDate(SegmentProfilesTable.NAME, result.profiles(), run);
            tables.replaceRunDate(SegmentCentroidsTable.NAME, result.centroids(), run);
            result.migrations().ifPresent(rows -> tables.replaceRunDate(SegmentMigrationsTable.NAME, rows, run));
            ModelStore models = new ModelStore(tables);
            models.save(MODEL_NAME, run.runDate(), result.model());
            models.saveMapping(MODEL_NAME, run.runDate(), result.mapping());
            tables.replaceRunDate(SegmentExplanationsTable.NAME, result.explanations(), run);
            tables.replaceRunDate(SegmentExplanationSummaryTable.NAME, result.explanationSummary(), run);
            long rowsOut = tables.countRunDate(CustomerSegmentsTable.NAME, run.runDate());
            return new StageOutcome(List.of(TableCounts.output(CustomerSegmentsTable.NAME, result.customers(),
                    rowsOut)), result.notes());
        }
    }

    /** The latest earlier run date with segments and centroids, whose ids this run continues. */
    private static Optional<Segmentation.Previous> previous(TableStore tables, LocalDate runDate) {
        return tables.previousRunDate(CustomerSegmentsTable.NAME, runDate)
                .filter(date -> tables.hasRows(SegmentCentroidsTable.NAME, date))
                .map(date -> new Segmentation.Previous(date, tables.readRunDate(SegmentCentroidsTable.NAME, date),
                        tables.readRunDate(CustomerSegmentsTable.NAME, date)));
    }
}
