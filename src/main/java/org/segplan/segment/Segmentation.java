package org.segplan.segment;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ModelSelectionTable;
import org.segplan.contract.SegmentExplanationSummaryTable;
import org.segplan.contract.SegmentExplanationsTable;
import org.segplan.contract.SegmentMigrationsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.error.Errors;
import scala.collection.JavaConverters;

/**
 * The segmentation of one run, from customer_features (and the previous run's segments, if any) to every table
 * the segment stage writes: fit, assignment, ids stable across runs, profiles, migrations and explanation.
 */
public final class Segmentation {
    /** Value, rhythm and the needs the default service-policy rules read: profiled whatever the model uses. */
    private static final List<String> PROFILED = List.of(CustomerFeaturesTable.MONETARY,
            CustomerFeaturesTable.FREQUENCY, CustomerFeaturesTable.AVERAGE_ORDER_VALUE,
            CustomerFeaturesTable.RECENCY_DAYS, CustomerFeaturesTable.MEAN_DAYS_BETWEEN_ORDERS,
            CustomerFeaturesTable.URGENT_ORDER_SHARE, CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS,
            CustomersTable.PRICE_SENSITIVITY);

    private Segmentation() {
    }

    /**
     * The previous run date's segmentation, which this run's ids continue.
     *
     * @param centroids segment_centroids rows of that date (segment_id, feature, centroid)
     * @param segments  customer_segments rows of that date (customer_id, segment_id)
     */
    public record Previous(LocalDate runDate, Dataset<Row> centroids, Dataset<Row> segments) {
        public Previous {
            requireNonNull(runDate, "runDate is null");
            requireNonNull(centroids, "centroids is null");
            requireNonNull(segments, "segments is null");
        }
    }

    /**
     * @param features one row per customer (customer_features)
     * @return the tables and model; close it after writing
     */
    public static SegmentationResult compute(Dataset<Row> features, Optional<Previous> previous,
            SegmentationSettings settings, ExplanationSettings explanation) {
        List<String> available = Arrays.asList(features.columns());
        List<String> resolved = DataDrivenSegmentation.resolveFeatures(settings.features(), available);
        // Features no customer has a value for (order-line features of a run without transactions) are dropped.
        List<String> columns = DataDrivenSegmentation.withoutEmptyFeatures(features, resolved);
        if (columns.isEmpty()) {
            throw Errors.noUsableSegmentationFeatures(resolved);
        }
        MissingValues missing = DataDrivenSegmentation.missingValues(features, columns, settings.missingIndicators());
        List<String> profiled = profileFeatures(columns, available);
        // Only the columns used are cached: customer_features is wide, and at a million customers caching every
        // column cost more than the k search.
        List<String> kept = new ArrayList<>(List.of(CustomersTable.CUSTOMER_ID));
        profiled.stream().filter(name -> !kept.contains(name)).forEach(kept::add);
        Dataset<Row> modelInput = DataDrivenSegmentation.withMissingIndicators(
                features.select(kept.stream().map(name -> col(name)).toArray(Column[]::new)), missing)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<Row>> persisted = new ArrayList<>(List.of(modelInput));
        try {
            FittedSegmentation fitted = DataDrivenSegmentation.fit(modelInput, columns, missing, settings);
            // Assigned once and cached: the ids, centroids, profiles, table and explanation all read it.
            Dataset<Row> bySize = DataDrivenSegmentation.withMembership(
                    DataDrivenSegmentation.assign(fitted, modelInput), fitted, settings)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            persisted.add(bySize);
            Dataset<Row> sizeCentroids = SegmentIdentity.centroids(bySize, columns).persist(StorageLevel.MEMORY_AND_DISK());
            persisted.add(sizeCentroids);
            List<Row> current = sizeCentroids.collectAsList();
            StableIds stable = previous.map(run -> StableIds.match(current, run.runDate(), run.centroids()
                    .select(SegmentIdentity.SEGMENT_ID, SegmentIdentity.FEATURE, SegmentIdentity.CENTROID)
                    .collectAsList())).orElseGet(() -> StableIds.bySize(current));
            Dataset<Row> segmented = bySize.withColumn(SegmentIdentity.SEGMENT_ID,
                    stable.apply(col(SegmentIdentity.SEGMENT_ID)));
            Dataset<Row> customerSegments = customerSegments(bySize, stable, settings, fitted.k());
            List<SegmentProfiles.Profile> profiles = SegmentProfiles.compute(segmented, profiled);
            SegmentExplanations.Explanation tree = SegmentExplanations.explain(segmented, SegmentIdentity.SEGMENT_ID,
                    profiled, explanation.maxDepth(), explanation.seed());
            SparkSession spark = features.sparkSession();
            SegmentIdMapping mapping = new SegmentIdMapping(
                    SegmentIdMapping.compose(fitted.clusterToSegment(), stable.mapping()), settings.algorithm(),
                    settings.borderlineProbability(), columns, missing.imputedFeatures(), missing.indicatorFeatures());
            long customers = modelInput.count();
            List<String> notes = notes(settings, fitted, stable, profiles, tree, resolved, columns, missing);
            return new SegmentationResult(customerSegments, selectionRows(spark, settings, fitted),
                    profileRows(spark, profiles),
                    sizeCentroids.withColumn(SegmentIdentity.SEGMENT_ID, stable.apply(col(SegmentIdentity.SEGMENT_ID))),
                    previous.map(run -> migrations(run, customerSegments)), explanationRows(spark, tree),
                    summaryRow(spark, tree), fitted.model(), mapping, customers, notes, persisted);
        } catch (RuntimeException failure) {
            persisted.forEach(Dataset::unpersist);
            throw failure;
        }
    }

    /** The model's features, then value and rhythm, so profiles say who is worth what even if the model ignores it. */
    static List<String> profileFeatures(List<String> modelFeatures, List<String> available) {
        List<String> result = new ArrayList<>(modelFeatures);
        for (String feature : PROFILED) {
            if (available.contains(feature) && !result.contains(feature)) {
                result.add(feature);
            }
        }
        return result;
    }

    private static Dataset<Row> customerSegments(Dataset<Row> bySize, StableIds stable, SegmentationSettings settings,
            int k) {
        return bySize
                .withColumn(CustomerSegmentsTable.SEGMENT_ID, stable.apply(col(CustomerSegmentsTable.SEGMENT_ID)))
                .withColumn(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID,
                        stable.apply(col(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID)))
                .select(col(CustomersTable.CUSTOMER_ID).as(CustomerSegmentsTable.CUSTOMER_ID),
                        col(CustomerSegmentsTable.SEGMENT_ID),
                        concat(lit("S"), col(CustomerSegmentsTable.SEGMENT_ID)).as(CustomerSegmentsTable.SEGMENT_LABEL),
                        col(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY),
                        col(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID),
                        col(CustomerSegmentsTable.IS_BORDERLINE),
                        lit(settings.algorithm().configName()).as(CustomerSegmentsTable.ALGORITHM),
                        lit(k).as(CustomerSegmentsTable.K));
    }

    private static Dataset<Row> migrations(Previous previous, Dataset<Row> customerSegments) {
        return SegmentIdentity.migrations(previous.segments(), customerSegments, CustomerSegmentsTable.CUSTOMER_ID)
                .withColumn(SegmentMigrationsTable.PREVIOUS_RUN_DATE, lit(Date.valueOf(previous.runDate())));
    }

    private static Dataset<Row> selectionRows(SparkSession spark, SegmentationSettings settings,
            FittedSegmentation fitted) {
        String features = String.join(",", fitted.features());
        String algorithm = settings.algorithm().configName();
        List<Row> rows = new ArrayList<>();
        for (CandidateScore candidate : fitted.candidates()) {
            rows.add(RowFactory.create(algorithm, candidate.k(), candidate.metric(), candidate.score(),
                    candidate.sampleSize(), candidate.k() == fitted.k(), features));
        }
        if (fitted.candidates().isEmpty()) {
            rows.add(RowFactory.create(algorithm, fitted.k(), "fixed", null, null, true, features));
        }
        return spark.createDataFrame(rows, ModelSelectionTable.SCHEMA);
    }

    private static Dataset<Row> profileRows(SparkSession spark, List<SegmentProfiles.Profile> profiles) {
        List<Row> rows = new ArrayList<>();
        for (SegmentProfiles.Profile profile : profiles) {
            String distinguishing = profile.distinguishing().entrySet().stream().limit(5)
                    .map(entry -> String.format(Locale.ROOT, "%s %+.2f", entry.getKey(), entry.getValue()))
                    .collect(Collectors.joining(", "));
            rows.add(RowFactory.create(profile.segmentId(), profile.name(), profile.customers(), profile.customerShare(),
                    profile.revenueShare(), distinguishing,
                    JavaConverters.mapAsScalaMap(new TreeMap<>(profile.means())),
                    JavaConverters.mapAsScalaMap(new TreeMap<>(profile.distinguishing()))));
        }
        return spark.createDataFrame(rows, SegmentProfilesTable.SCHEMA);
    }

    private static Dataset<Row> explanationRows(SparkSession spark, SegmentExplanations.Explanation tree) {
        List<Row> rules = tree.rules().stream()
                .map(rule -> RowFactory.create(rule.segmentId(), rule.rule(), rule.customers(), rule.precision()))
                .toList();
        return spark.createDataFrame(rules, SegmentExplanationsTable.SCHEMA);
    }

    private static Dataset<Row> summaryRow(SparkSession spark, SegmentExplanations.Explanation tree) {
        return spark.createDataFrame(List.of(RowFactory.create(tree.depth(), tree.accuracy(),
                String.join(",", tree.features()))), SegmentExplanationSummaryTable.SCHEMA);
    }

    private static List<String> notes(SegmentationSettings settings, FittedSegmentation fitted, StableIds stable,
            List<SegmentProfiles.Profile> profiles, SegmentExplanations.Explanation tree, List<String> resolved,
            List<String> columns, MissingValues missing) {
        List<String> notes = new ArrayList<>();
        notes.add(settings.algorithm().configName() + ", k = " + fitted.k()
                + (fitted.candidates().isEmpty() ? " (fixed)" : " chosen by " + fitted.candidates().get(0).metric()
                + " from " + fitted.candidates().stream()
                        .map(candidate -> candidate.k() + ":" + String.format("%.3f", candidate.score())).toList()));
        notes.add(stable.note());
        profiles.forEach(profile -> notes.add(String.format("segment %d: %s, %.1f%% of customers, %.1f%% of revenue",
                profile.segmentId(), profile.name(), 100 * profile.customerShare(), 100 * profile.revenueShare())));
        notes.add(String.format(Locale.ROOT, "explanation tree (depth %d) accuracy %.3f, %d rules in %s",
                tree.depth(), tree.accuracy(), tree.rules().size(), SegmentExplanationsTable.NAME));
        if (columns.size() < resolved.size()) {
            notes.add("features without any value left out: " + resolved.stream()
                    .filter(name -> !columns.contains(name)).toList());
        }
        notes.add("features: " + columns + (missing.imputedFeatures().isEmpty() ? ""
                : "; imputed (median): " + missing.imputedFeatures() + ", indicators for "
                        + missing.indicatorFeatures()));
        return notes;
    }
}
