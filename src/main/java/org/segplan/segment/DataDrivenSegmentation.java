package org.segplan.segment;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomersTable;
import org.segplan.error.Errors;

/**
 * Clustering of standardized customer features with k-means, bisecting k-means or a Gaussian mixture. Every
 * candidate k is fitted and scored (silhouette or BIC) on a seeded, hash-based sample (the same customers every
 * run); the chosen candidate is the model, and every customer is assigned with it. Segment numbers are ordered by
 * size, largest first, so they do not depend on the algorithm's arbitrary cluster order.
 */
public final class DataDrivenSegmentation {
    static final String SCALED = "__scaled_features";
    static final String ASSEMBLED = "__assembled_features";
    public static final String CLUSTER = "__cluster";
    private static final String IMPUTED_SUFFIX = "__imputed";
    private static final String MISSING_PREFIX = "__missing_";
    private static final int SAMPLE_SLICES = 2;

    private DataDrivenSegmentation() {
    }

    /** The features to use: the configured list, or the defaults that are present when it is empty. */
    public static List<String> resolveFeatures(List<String> configured, List<String> available) {
        if (configured.isEmpty()) {
            List<String> result = new ArrayList<>();
            CustomerFeaturesTable.DEFAULT_BEHAVIOUR_FEATURES.stream().filter(available::contains).forEach(result::add);
            available.stream().filter(name -> name.startsWith(CustomerFeaturesTable.CHANNEL_SHARE_PREFIX))
                    .forEach(result::add);
            CustomersTable.PSYCHOGRAPHIC_SCORES.stream().filter(available::contains).forEach(result::add);
            return result;
        }
        for (String feature : configured) {
            if (!available.contains(feature)) {
                throw Errors.unknownFeature(feature, available);
            }
        }
        return List.copyOf(configured);
    }

    /**
     * The features that have a value for at least one customer (one pass). A feature null for everyone, such as
     * the requested lead time when no order lines were loaded, cannot be imputed and carries no information.
     */
    public static List<String> withoutEmptyFeatures(Dataset<Row> features, List<String> columns) {
        if (columns.isEmpty()) {
            return List.of();
        }
        List<Column> counts = new ArrayList<>();
        for (String name : columns) {
            counts.add(org.apache.spark.sql.functions.count(col(name)));
        }
        Row row = features.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).head();
        List<String> result = new ArrayList<>();
        for (int index = 0; index < columns.size(); index++) {
            if (row.getLong(index) > 0) {
                result.add(columns.get(index));
            }
        }
        return result;
    }

    /**
     * Which features have missing values, and one representative per distinct missing-value pattern: features
     * missing for exactly the same customers (say, every order-based feature of customers without orders) share
     * one indicator, so the pattern is not counted many times over in the distance. One pass over the data.
     */
    public static MissingValues missingValues(Dataset<Row> features, List<String> columns, boolean withIndicators) {
        List<Column> aggregates = new ArrayList<>();
        for (String name : columns) {
            aggregates.add(org.apache.spark.sql.functions.sum(when(col(name).isNull(), 1).otherwise(0)));
        }
        for (int first = 0; first < columns.size(); first++) {
            for (int second = first + 1; second < columns.size(); second++) {
                aggregates.add(org.apache.spark.sql.functions.sum(
                        when(col(columns.get(first)).isNull().equalTo(col(columns.get(second)).isNull()), 0).otherwise(1)));
            }
        }
        Row counts = features.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).head();
        List<String> withMissing = new ArrayList<>();
        for (int index = 0; index < columns.size(); index++) {
            if (!counts.isNullAt(index) && counts.getLong(index) > 0) {
                withMissing.add(columns.get(index));
            }
        }
        List<String> representatives = new ArrayList<>();
        int pair = columns.size();
        boolean[][] differ = new boolean[columns.size()][columns.size()];
        for (int first = 0; first < columns.size(); first++) {
            for (int second = first + 1; second < columns.size(); second++) {
                differ[first][second] = counts.isNullAt(pair) || counts.getLong(pair) > 0;
                pair++;
            }
        }
        for (String candidate : withMissing) {
            int candidateIndex = columns.indexOf(candidate);
            boolean shared = representatives.stream()
                    .anyMatch(representative -> !differ[columns.indexOf(representative)][candidateIndex]);
            if (!shared) {
                representatives.add(candidate);
            }
        }
        return new MissingValues(withMissing, withIndicators ? representatives : List.of());
    }

    public static Dataset<Row> withMissingIndicators(Dataset<Row> features, MissingValues missing) {
        Dataset<Row> result = features;
        for (String name : missing.indicatorFeatures()) {
            result = result.withColumn(MISSING_PREFIX + name, when(col(name).isNull(), 1.0).otherwise(0.0));
        }
        for (String name : missing.imputedFeatures()) {
            // Imputer needs floating point input.
            result = result.withColumn(name, col(name).cast("double"));
        }
        return result;
    }

    /** A deterministic sample of about {@code size} customers, chosen by a hash of the id and the seed. */
    public static Dataset<Row> sample(Dataset<Row> features, long total, int size, long seed) {
        if (total <= size) {
            return features;
        }
        long buckets = 1_000_000L;
        long keep = Math.max(1, Math.round((double) size / total * buckets));
        return features.where(pmod(xxhash64(col(CustomersTable.CUSTOMER_ID), lit(seed)), lit(buckets)).lt(keep));
    }

    public static FittedSegmentation fit(Dataset<Row> features, List<String> featureColumns, MissingValues missing,
            SegmentationSettings settings) {
        List<String> withMissing = missing.imputedFeatures();
        long total = features.count();
        int smallestK = settings.fixedK().orElse(settings.kMin());
        if (total < Math.max(smallestK, 2) * 2L) {
            throw Errors.tooFewCustomers(total, Math.max(smallestK, 2) * 2);
        }
        List<String> modelColumns = new ArrayList<>(featureColumns);
        missing.indicatorFeatures().forEach(name -> modelColumns.add(MISSING_PREFIX + name));
        List<CandidateScore> candidates = new ArrayList<>();
        Dataset<Row> sample = sample(features, total, settings.selectionSampleSize(), settings.seed());
        PipelineModel preparation = preparation(featureColumns, withMissing, modelColumns).fit(sample);
        Dataset<Row> prepared = inFewPartitions(preparation.transform(sample).select(SCALED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        int chosenK;
        Model<?> clusterer;
        try {
            long sampleSize = prepared.count();
            if (settings.fixedK().isPresent()) {
                chosenK = settings.fixedK().getAsInt();
                if (sampleSize < chosenK * 2L) {
                    throw Errors.segmentationSampleTooSmall(sampleSize, chosenK * 2);
                }
                clusterer = Clusterers.bestFit(chosenK, settings, prepared);
            } else {
                int maxK = (int) Math.min(settings.kMax(), sampleSize - 1);
                if (maxK < settings.kMin()) {
                    throw Errors.segmentationSampleTooSmall(sampleSize, settings.kMin() + 1);
                }
                String metric = Clusterers.metric(settings.algorithm());
                Map<Integer, Model<?>> models = new HashMap<>();
                for (int k = settings.kMin(); k <= maxK; k++) {
                    Model<?> model = Clusterers.bestFit(k, settings, prepared);
                    double score = Clusterers.score(settings.algorithm(), model, prepared, sampleSize, modelColumns.size());
                    candidates.add(new CandidateScore(k, metric, score, sampleSize));
                    models.put(k, model);
                }
                Comparator<CandidateScore> better = Comparator.comparingDouble(CandidateScore::score);
                if (!Clusterers.higherIsBetter(settings.algorithm())) {
                    better = better.reversed();
                }
                // Ties go to the smaller k: fewer segments are easier to act on.
                chosenK = candidates.stream().max(better.thenComparing(candidate -> -candidate.k())).orElseThrow().k();
                clusterer = models.get(chosenK);
            }
        } finally {
            prepared.unpersist();
        }
        // The scored candidate itself becomes the model: a refit on everyone starts from a new initialization and
        // can land in a worse local optimum than the one the score judged (at 1M customers one merged three
        // planted segments). A pipeline of fitted stages only is assembled without touching the data.
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {preparation, clusterer}).fit(features);
        int[] order = orderBySize(model.transform(features), chosenK);
        return new FittedSegmentation(model, chosenK, candidates, featureColumns, order);
    }

    /**
     * The prepared sample, collected and sliced into {@link #SAMPLE_SLICES} partitions in its original row order. A
     * million customers' table arrives in a dozen partitions or more, and each k-means iteration over a small sample
     * is then mostly task overhead (a third of the k search at 1M). A fixed slicing, unlike coalesce (which follows
     * where cached blocks live), fits the same model on every run and on one machine or a cluster alike.
     */
    private static Dataset<Row> inFewPartitions(Dataset<Row> prepared) {
        List<Row> rows = prepared.collectAsList();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(prepared.sparkSession().sparkContext());
        return prepared.sparkSession().createDataFrame(context.parallelize(rows, SAMPLE_SLICES), prepared.schema());
    }

    /**
     * Adds the raw cluster index (and, for mixtures, the probabilities); the caller maps it to segment numbers with
     * the fitted order. The model's intermediate columns (imputed copies, vectors) are dropped, so a caller that
     * persists the result keeps only what it reads.
     */
    public static Dataset<Row> assign(FittedSegmentation fitted, Dataset<Row> features) {
        Dataset<Row> assigned = fitted.model().transform(features);
        String[] intermediate = Arrays.stream(assigned.columns())
                .filter(name -> name.equals(SCALED) || name.equals(ASSEMBLED) || name.endsWith(IMPUTED_SUFFIX))
                .toArray(String[]::new);
        return assigned.drop(intermediate);
    }

    /**
     * Adds segment_id and, for mixtures, the membership probability, the runner-up segment and the borderline
     * flag (null, null and false for the k-means family, which has no probabilities).
     */
    public static Dataset<Row> withMembership(Dataset<Row> assigned, FittedSegmentation fitted,
            SegmentationSettings settings) {
        return withMembership(assigned, fitted.clusterToSegment(), settings.algorithm(), settings.borderlineProbability());
    }

    /** As above, for any mapping from raw cluster index to segment id (the scoring of a saved model uses it). */
    public static Dataset<Row> withMembership(Dataset<Row> assigned, int[] clusterToSegment,
            SegmentationAlgorithm algorithm, double borderlineProbability) {
        Column segmentOf = array(Arrays.stream(clusterToSegment).mapToObj(segment -> lit(segment))
                .toArray(Column[]::new));
        Dataset<Row> result = assigned.withColumn(CustomerSegmentsTable.SEGMENT_ID,
                element_at(segmentOf, col(CLUSTER).plus(1)));
        if (algorithm != SegmentationAlgorithm.GAUSSIAN_MIXTURE) {
            return result
                    .withColumn(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY, lit(null).cast("double"))
                    .withColumn(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID, lit(null).cast("int"))
                    .withColumn(CustomerSegmentsTable.IS_BORDERLINE, lit(false));
        }
        Column probabilities = org.apache.spark.ml.functions.vector_to_array(col(Clusterers.PROBABILITY), "float64");
        Column top = array_max(probabilities);
        Column runnerUp = array_max(array_remove(probabilities, top));
        Column runnerUpCluster = array_position(probabilities, runnerUp).cast("int");
        return result
                .withColumn(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY, top)
                .withColumn(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID,
                        when(runnerUp.isNotNull(), element_at(segmentOf, runnerUpCluster)))
                .withColumn(CustomerSegmentsTable.IS_BORDERLINE, top.lt(borderlineProbability));
    }

    /** Segment number (1 = largest cluster, ties by cluster index) for each raw cluster index. */
    static int[] orderBySize(Dataset<Row> clustered, int k) {
        long[] sizes = new long[k];
        for (Row row : clustered.groupBy(CLUSTER).count().collectAsList()) {
            sizes[row.getInt(0)] = row.getLong(1);
        }
        Integer[] clusters = new Integer[k];
        for (int index = 0; index < k; index++) {
            clusters[index] = index;
        }
        Arrays.sort(clusters, Comparator.<Integer>comparingLong(cluster -> -sizes[cluster]).thenComparing(cluster -> cluster));
        int[] segmentOf = new int[k];
        for (int rank = 0; rank < k; rank++) {
            segmentOf[clusters[rank]] = rank + 1;
        }
        return segmentOf;
    }

    private static Pipeline preparation(List<String> featureColumns, List<String> withMissing, List<String> modelColumns) {
        List<PipelineStage> stages = new ArrayList<>();
        List<String> assembled = new ArrayList<>(modelColumns);
        if (!withMissing.isEmpty()) {
            String[] outputs = withMissing.stream().map(name -> name + IMPUTED_SUFFIX).toArray(String[]::new);
            stages.add(new Imputer().setStrategy("median").setInputCols(withMissing.toArray(String[]::new))
                    .setOutputCols(outputs));
            for (String name : withMissing) {
                assembled.set(assembled.indexOf(name), name + IMPUTED_SUFFIX);
            }
        }
        stages.add(new VectorAssembler().setInputCols(assembled.toArray(String[]::new)).setOutputCol(ASSEMBLED)
                .setHandleInvalid("error"));
        // Unit variance without centring: every algorithm here is translation-invariant, and MLlib's bisecting
        // k-means splits a center c into c(1 +/- epsilon), which cannot split a center at the origin.
        stages.add(new StandardScaler().setInputCol(ASSEMBLED).setOutputCol(SCALED).setWithMean(false).setWithStd(true));
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    }

}
