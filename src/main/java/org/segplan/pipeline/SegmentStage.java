package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ModelSelectionTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.SegmentCentroidsTable;
import org.segplan.contract.SegmentExplanationSummaryTable;
import org.segplan.contract.SegmentExplanationsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.SegmentMigrationsTable;
import org.segplan.error.Errors;
import org.segplan.io.ModelStore;
import org.segplan.segment.CandidateScore;
import org.segplan.segment.FittedSegmentation;
import org.segplan.segment.DataDrivenSegmentation;
import org.segplan.segment.MissingValues;
import org.segplan.segment.SegmentExplanations;
import org.segplan.segment.SegmentIdMapping;
import org.segplan.segment.SegmentIdentity;
import org.segplan.segment.SegmentMatcher;
import org.segplan.segment.SegmentProfiles;

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
        List<String> resolved = DataDrivenSegmentation.resolveFeatures(context.config().segmentation().features(),
                Arrays.asList(features.columns()));
        // Features no customer has a value for (order-line features of a run without transactions) are dropped.
        List<String> columns = DataDrivenSegmentation.withoutEmptyFeatures(features, resolved);
        if (columns.isEmpty()) {
            throw Errors.noUsableSegmentationFeatures(resolved);
        }
        MissingValues missing = DataDrivenSegmentation.missingValues(features, columns,
                context.config().segmentation().missingIndicators());
        List<String> profiled = profileFeatures(columns, Arrays.asList(features.columns()));
        // Only the columns this stage reads are cached: customer_features is wide, and at a million customers
        // caching every column cost more than the k search.
        List<String> kept = new ArrayList<>(List.of(CustomersTable.CUSTOMER_ID));
        // The profile features include monetary (revenue shares) whenever the table has it.
        profiled.stream().filter(name -> !kept.contains(name)).forEach(kept::add);
        Dataset<Row> modelInput = DataDrivenSegmentation.withMissingIndicators(
                features.select(kept.stream().map(name -> col(name)).toArray(org.apache.spark.sql.Column[]::new)),
                missing).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> bySize = null;
        try {
            FittedSegmentation fitted = DataDrivenSegmentation.fit(modelInput, columns, missing,
                    context.config().segmentation());
            // Assigned once and cached: the ids, centroids, profiles, table and explanation all read it.
            bySize = DataDrivenSegmentation.withMembership(
                    DataDrivenSegmentation.assign(fitted, modelInput), fitted, context.config().segmentation())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            StableIds stable = stableIds(context, bySize, columns);
            Dataset<Row> segments = bySize
                    .withColumn(CustomerSegmentsTable.SEGMENT_ID, stable.apply(col(CustomerSegmentsTable.SEGMENT_ID)))
                    .withColumn(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID,
                            stable.apply(col(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID)))
                    .select(col(CustomersTable.CUSTOMER_ID).as(CustomerSegmentsTable.CUSTOMER_ID),
                            col(CustomerSegmentsTable.SEGMENT_ID),
                            concat(lit("S"), col(CustomerSegmentsTable.SEGMENT_ID)).as(CustomerSegmentsTable.SEGMENT_LABEL),
                            col(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY),
                            col(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID),
                            col(CustomerSegmentsTable.IS_BORDERLINE),
                            lit(context.config().segmentation().algorithm().configName()).as(CustomerSegmentsTable.ALGORITHM),
                            lit(fitted.k()).as(CustomerSegmentsTable.K));
            Optional<LocalDate> previousRun = context.lakehouse().previousRunDate(CustomerSegmentsTable.NAME,
                    context.run().runDate());
            context.lakehouse().replaceRunDate(CustomerSegmentsTable.NAME, segments, context.run());
            context.lakehouse().replaceRunDate(ModelSelectionTable.NAME, selectionRows(context, fitted), context.run());
            List<SegmentProfiles.Profile> profiles = SegmentProfiles.compute(
                    bySize.withColumn(SegmentIdentity.SEGMENT_ID, stable.apply(col(SegmentIdentity.SEGMENT_ID))),
                    profiled);
            context.lakehouse().replaceRunDate(SegmentProfilesTable.NAME, profileRows(context, profiles), context.run());
            context.lakehouse().replaceRunDate(SegmentCentroidsTable.NAME,
                    stable.centroids().withColumn(SegmentIdentity.SEGMENT_ID,
                            stable.apply(col(SegmentIdentity.SEGMENT_ID))), context.run());
            if (previousRun.isPresent()) {
                Dataset<Row> before = context.lakehouse().readRunDate(CustomerSegmentsTable.NAME, previousRun.get());
                Dataset<Row> now = context.lakehouse().readRunDate(CustomerSegmentsTable.NAME, context.run().runDate());
                context.lakehouse().replaceRunDate(SegmentMigrationsTable.NAME,
                        SegmentIdentity.migrations(before, now, CustomerSegmentsTable.CUSTOMER_ID)
                                .withColumn(SegmentMigrationsTable.PREVIOUS_RUN_DATE,
                                        lit(java.sql.Date.valueOf(previousRun.get()))), context.run());
            }
            ModelStore models = new ModelStore(context.lakehouse());
            models.save(MODEL_NAME, context.run().runDate(), fitted.model());
            models.saveMapping(MODEL_NAME, context.run().runDate(), new SegmentIdMapping(
                    SegmentIdMapping.compose(fitted.clusterToSegment(), stable.mapping()),
                    context.config().segmentation().algorithm(), context.config().segmentation().borderlineProbability(),
                    columns, missing.imputedFeatures(), missing.indicatorFeatures()));
            SegmentExplanations.Explanation explanation = SegmentExplanations.explain(
                    bySize.withColumn(SegmentIdentity.SEGMENT_ID, stable.apply(col(SegmentIdentity.SEGMENT_ID))),
                    SegmentIdentity.SEGMENT_ID, profiled,
                    context.config().explanation().maxDepth(), context.config().explanation().seed());
            writeExplanation(context, explanation);

            long rowsIn = modelInput.count();
            long rowsOut = context.lakehouse().countRunDate(CustomerSegmentsTable.NAME, context.run().runDate());
            List<String> notes = new ArrayList<>();
            notes.add(context.config().segmentation().algorithm().configName() + ", k = " + fitted.k()
                    + (fitted.candidates().isEmpty() ? " (fixed)" : " chosen by " + fitted.candidates().get(0).metric()
                    + " from "
                    + fitted.candidates().stream().map(c -> c.k() + ":" + String.format("%.3f", c.score())).toList()));
            notes.add(stable.note());
            profiles.forEach(profile -> notes.add(String.format("segment %d: %s, %.1f%% of customers, %.1f%% of revenue",
                    profile.segmentId(), profile.name(), 100 * profile.customerShare(), 100 * profile.revenueShare())));
            notes.add(String.format(java.util.Locale.ROOT,
                    "explanation tree (depth %d) accuracy %.3f, %d rules in %s", explanation.depth(),
                    explanation.accuracy(), explanation.rules().size(), SegmentExplanationsTable.NAME));
            if (columns.size() < resolved.size()) {
                notes.add("features without any value left out: " + resolved.stream()
                        .filter(name -> !columns.contains(name)).toList());
            }
            notes.add("features: " + columns + (missing.imputedFeatures().isEmpty() ? ""
                    : "; imputed (median): " + missing.imputedFeatures() + ", indicators for " + missing.indicatorFeatures()));
            return new StageOutcome(List.of(TableCounts.output(CustomerSegmentsTable.NAME, rowsIn, rowsOut)), notes);
        } finally {
            if (bySize != null) {
                bySize.unpersist();
            }
            modelInput.unpersist();
        }
    }

    /**
     * Maps this run's size-ordered segment numbers to ids that continue the previous run's segments, matched by
     * centroid; the first run keeps the size order.
     */
    private static StableIds stableIds(RunContext context, Dataset<Row> bySize, List<String> features) {
        Dataset<Row> centroids = SegmentIdentity.centroids(bySize, features).cache();
        List<Row> current = centroids.collectAsList();
        int k = (int) current.stream().map(row -> row.getInt(0)).distinct().count();
        int[] identity = new int[k];
        for (int index = 0; index < k; index++) {
            identity[index] = index + 1;
        }
        Optional<LocalDate> previousRun = context.lakehouse().previousRunDate(SegmentCentroidsTable.NAME,
                context.run().runDate());
        if (previousRun.isEmpty()) {
            return new StableIds(identity, centroids, "segment ids: first run, numbered by size");
        }
        List<Row> previous = context.lakehouse().readRunDate(SegmentCentroidsTable.NAME, previousRun.get())
                .select(SegmentIdentity.SEGMENT_ID, SegmentIdentity.FEATURE, SegmentIdentity.CENTROID).collectAsList();
        List<String> shared = SegmentIdentity.sharedFeatures(previous, current);
        if (shared.isEmpty()) {
            return new StableIds(identity, centroids, "segment ids: no feature in common with the run of "
                    + previousRun.get() + ", numbered by size");
        }
        SegmentIdentity.CentroidMatrix before = SegmentIdentity.matrix(previous, shared);
        SegmentIdentity.CentroidMatrix now = SegmentIdentity.matrix(current, shared);
        int[] ids = SegmentMatcher.stableIds(SegmentMatcher.match(before.rows(), now.rows()), before.ids());
        int[] mapping = new int[k];
        for (int index = 0; index < now.ids().length; index++) {
            mapping[now.ids()[index] - 1] = ids[index];
        }
        return new StableIds(mapping, centroids, "segment ids matched to the run of " + previousRun.get()
                + " by centroid: " + java.util.Arrays.toString(mapping) + " for segments by size 1.." + k);
    }

    /** Size-ordered segment number (1-based) to stable id. */
    private record StableIds(int[] mapping, Dataset<Row> centroids, String note) {
        org.apache.spark.sql.Column apply(org.apache.spark.sql.Column bySize) {
            org.apache.spark.sql.Column ids = org.apache.spark.sql.functions.array(java.util.Arrays.stream(mapping)
                    .mapToObj(id -> lit(id)).toArray(org.apache.spark.sql.Column[]::new));
            return org.apache.spark.sql.functions.when(bySize.isNotNull(),
                    org.apache.spark.sql.functions.element_at(ids, bySize));
        }
    }

    private static void writeExplanation(RunContext context, SegmentExplanations.Explanation explanation) {
        List<Row> rules = explanation.rules().stream()
                .map(rule -> RowFactory.create(rule.segmentId(), rule.rule(), rule.customers(), rule.precision()))
                .toList();
        context.lakehouse().replaceRunDate(SegmentExplanationsTable.NAME,
                context.spark().createDataFrame(rules, SegmentExplanationsTable.SCHEMA), context.run());
        context.lakehouse().replaceRunDate(SegmentExplanationSummaryTable.NAME,
                context.spark().createDataFrame(List.of(RowFactory.create(explanation.depth(), explanation.accuracy(),
                        String.join(",", explanation.features()))), SegmentExplanationSummaryTable.SCHEMA),
                context.run());
    }

    /** The model's features, then value and rhythm, so profiles say who is worth what even if the model ignores it. */
    private static List<String> profileFeatures(List<String> modelFeatures, List<String> available) {
        List<String> result = new ArrayList<>(modelFeatures);
        // The needs the default service-policy rules read are profiled too, whatever the model was fitted on.
        for (String feature : List.of(CustomerFeaturesTable.MONETARY, CustomerFeaturesTable.FREQUENCY,
                CustomerFeaturesTable.AVERAGE_ORDER_VALUE, CustomerFeaturesTable.RECENCY_DAYS,
                CustomerFeaturesTable.MEAN_DAYS_BETWEEN_ORDERS, CustomerFeaturesTable.URGENT_ORDER_SHARE,
                CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS, CustomersTable.PRICE_SENSITIVITY)) {
            if (available.contains(feature) && !result.contains(feature)) {
                result.add(feature);
            }
        }
        return result;
    }

    private static Dataset<Row> profileRows(RunContext context, List<SegmentProfiles.Profile> profiles) {
        List<Row> rows = new ArrayList<>();
        for (SegmentProfiles.Profile profile : profiles) {
            String distinguishing = profile.distinguishing().entrySet().stream().limit(5)
                    .map(entry -> String.format(java.util.Locale.ROOT, "%s %+.2f", entry.getKey(), entry.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
            rows.add(RowFactory.create(profile.segmentId(), profile.name(), profile.customers(), profile.customerShare(),
                    profile.revenueShare(), distinguishing,
                    scala.collection.JavaConverters.mapAsScalaMap(new java.util.TreeMap<>(profile.means())),
                    scala.collection.JavaConverters.mapAsScalaMap(new java.util.TreeMap<>(profile.distinguishing()))));
        }
        return context.spark().createDataFrame(rows, SegmentProfilesTable.SCHEMA);
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
