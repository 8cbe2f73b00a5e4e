package org.segplan.segment;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.LeafNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Explains segments with a shallow decision tree trained to predict the segment from raw (unscaled, median-imputed)
 * features, so each segment reads as a few thresholds on quantities a planner knows. The rules are read from the
 * fitted tree's nodes; per-leaf customers and purity come from the training counts the tree keeps in each leaf.
 */
public final class SegmentExplanations {
    private static final String LABEL = "__segment_label";
    private static final String VECTOR = "__explanation_features";
    private static final String IMPUTED_SUFFIX = "__explained";

    private SegmentExplanations() {
    }

    /** One leaf of the tree: the conditions on its path, the segment it predicts, its size and purity. */
    public record Rule(int segmentId, String rule, long customers, double precision) {
    }

    /** The tree's rules and its accuracy on the customers it was trained on. */
    public record Explanation(int depth, double accuracy, List<String> features, List<Rule> rules) {
        public Explanation {
            features = List.copyOf(features);
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param segmented one row per customer with {@code segmentIdColumn} and every feature column (nulls allowed)
     * @param features  the columns to explain with; columns that are null for every customer are left out
     */
    public static Explanation explain(Dataset<Row> segmented, String segmentIdColumn, List<String> features,
            int maxDepth, long seed) {
        List<String> usable = DataDrivenSegmentation.withoutEmptyFeatures(segmented, features);
        if (usable.isEmpty()) {
            return new Explanation(maxDepth, 0.0, List.of(), List.of());
        }
        List<org.apache.spark.sql.Column> columns = new ArrayList<>();
        columns.add(col(segmentIdColumn).cast("double").as(LABEL));
        usable.forEach(name -> columns.add(col(name).cast("double").as(name)));
        Dataset<Row> input = segmented.where(col(segmentIdColumn).isNotNull()).select(columns.toArray(org.apache.spark.sql.Column[]::new));
        String[] imputed = usable.stream().map(name -> name + IMPUTED_SUFFIX).toArray(String[]::new);
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new Imputer().setStrategy("median").setInputCols(usable.toArray(String[]::new)).setOutputCols(imputed));
        stages.add(new VectorAssembler().setInputCols(imputed).setOutputCol(VECTOR));
        stages.add(new DecisionTreeClassifier().setLabelCol(LABEL).setFeaturesCol(VECTOR).setMaxDepth(maxDepth)
                .setSeed(seed).setMinInstancesPerNode(1));
        PipelineModel model = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(input);
        DecisionTreeClassificationModel tree = (DecisionTreeClassificationModel) model.stages()[stages.size() - 1];
        List<Rule> rules = new ArrayList<>();
        double[] correctAndTotal = new double[2];
        walk(tree.rootNode(), new LinkedHashMap<>(), usable, rules, correctAndTotal);
        rules.sort(java.util.Comparator.comparingInt(Rule::segmentId).thenComparing(rule -> -rule.customers()));
        double accuracy = correctAndTotal[1] == 0 ? 0.0 : correctAndTotal[0] / correctAndTotal[1];
        return new Explanation(maxDepth, accuracy, usable, rules);
    }

    private static void walk(Node node, Map<String, Bounds> path, List<String> features, List<Rule> rules,
            double[] correctAndTotal) {
        if (node instanceof LeafNode leaf) {
            double[] counts = leaf.impurityStats().stats();
            int predicted = (int) leaf.prediction();
            double total = 0;
            for (double count : counts) {
                total += count;
            }
            double correct = predicted < counts.length ? counts[predicted] : 0;
            correctAndTotal[0] += correct;
            correctAndTotal[1] += total;
            rules.add(new Rule(predicted, render(path, predicted), Math.round(total), total == 0 ? 0 : correct / total));
            return;
        }
        InternalNode internal = (InternalNode) node;
        if (!(internal.split() instanceof ContinuousSplit split)) {
            throw new IllegalStateException("explanation trees split continuous features only");
        }
        String feature = features.get(split.featureIndex());
        // Left: value <= threshold; right: value > threshold (MLlib's ContinuousSplit).
        Map<String, Bounds> left = new LinkedHashMap<>(path);
        left.merge(feature, Bounds.atMost(split.threshold()), Bounds::and);
        walk(internal.leftChild(), left, features, rules, correctAndTotal);
        Map<String, Bounds> right = new LinkedHashMap<>(path);
        right.merge(feature, Bounds.above(split.threshold()), Bounds::and);
        walk(internal.rightChild(), right, features, rules, correctAndTotal);
    }

    private static String render(Map<String, Bounds> path, int segment) {
        List<String> conditions = new ArrayList<>();
        path.forEach((feature, bounds) -> {
            if (bounds.lower() != null) {
                conditions.add(feature + " > " + number(bounds.lower()));
            }
            if (bounds.upper() != null) {
                conditions.add(feature + " <= " + number(bounds.upper()));
            }
        });
        String condition = conditions.isEmpty() ? "every customer" : String.join(" AND ", conditions);
        return condition + " -> segment " + segment;
    }

    private static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** The tightest interval on one feature along a path: lower exclusive, upper inclusive. */
    private record Bounds(Double lower, Double upper) {
        static Bounds atMost(double threshold) {
            return new Bounds(null, threshold);
        }

        static Bounds above(double threshold) {
            return new Bounds(threshold, null);
        }

        Bounds and(Bounds other) {
            return new Bounds(tighter(lower, other.lower, true), tighter(upper, other.upper, false));
        }

        private static Double tighter(Double first, Double second, boolean larger) {
            if (first == null) {
                return second;
            }
            if (second == null) {
                return first;
            }
            return Double.valueOf(larger ? Math.max(first, second) : Math.min(first, second));
        }
    }
}
