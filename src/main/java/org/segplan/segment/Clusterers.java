package org.segplan.segment;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The MLlib estimators behind each algorithm, and how a fitted candidate is scored: silhouette (higher is
 * better) for the k-means family, the Bayesian information criterion (lower is better) for mixtures.
 */
public final class Clusterers {
    static final String PROBABILITY = "__probability";

    private Clusterers() {
    }

    /**
     * For k-means, the best of {@code settings.initializations()} fits of k segments, seeded seed, seed + 1, ...: the
     * lowest within-segment cost. One k-means|| initialization can leave a segment without a center, and Lloyd's
     * iterations do not move a center across a gap between segments. Bisecting k-means and mixtures are fitted once,
     * from the seed: bisecting k-means splits one segment at a time (and costs many times a k-means fit per extra
     * initialization), and other seeds can start a mixture component on too few points, whose covariance then sends
     * MLlib's eigenvalue decomposition (LAPACK dsyev) into an endless loop on NaN instead of an error.
     */
    static Model<?> bestFit(int k, SegmentationSettings settings, Dataset<Row> prepared) {
        Model<?> best = estimator(k, settings.seed(), settings).fit(prepared);
        if (settings.algorithm() != SegmentationAlgorithm.KMEANS) {
            return best;
        }
        for (int initialization = 1; initialization < settings.initializations(); initialization++) {
            KMeansModel model = (KMeansModel) estimator(k, settings.seed() + initialization, settings).fit(prepared);
            if (model.summary().trainingCost() < ((KMeansModel) best).summary().trainingCost()) {
                best = model;
            }
        }
        return best;
    }

    private static Estimator<? extends Model<?>> estimator(int k, long seed, SegmentationSettings settings) {
        return switch (settings.algorithm()) {
            case KMEANS -> new KMeans().setK(k).setSeed(seed).setMaxIter(settings.maxIterations())
                    .setFeaturesCol(DataDrivenSegmentation.SCALED).setPredictionCol(DataDrivenSegmentation.CLUSTER);
            case BISECTING_KMEANS -> new BisectingKMeans().setK(k).setSeed(seed)
                    .setMaxIter(settings.maxIterations()).setFeaturesCol(DataDrivenSegmentation.SCALED)
                    .setPredictionCol(DataDrivenSegmentation.CLUSTER);
            case GAUSSIAN_MIXTURE -> new GaussianMixture().setK(k).setSeed(seed)
                    .setMaxIter(settings.maxIterations()).setFeaturesCol(DataDrivenSegmentation.SCALED)
                    .setPredictionCol(DataDrivenSegmentation.CLUSTER).setProbabilityCol(PROBABILITY);
        };
    }

    public static String metric(SegmentationAlgorithm algorithm) {
        return algorithm == SegmentationAlgorithm.GAUSSIAN_MIXTURE ? "bic" : "silhouette";
    }

    public static boolean higherIsBetter(SegmentationAlgorithm algorithm) {
        return algorithm != SegmentationAlgorithm.GAUSSIAN_MIXTURE;
    }

    /** Scores a fitted candidate on the (prepared, scaled) data it was fitted on. */
    static double score(SegmentationAlgorithm algorithm, Model<?> model, Dataset<Row> prepared, long rows, int dimensions) {
        if (algorithm == SegmentationAlgorithm.GAUSSIAN_MIXTURE) {
            GaussianMixtureModel mixture = (GaussianMixtureModel) model;
            int k = mixture.getK();
            // Free parameters of a full-covariance mixture: weights, means and covariance matrices.
            double parameters = (k - 1) + k * dimensions + k * dimensions * (dimensions + 1) / 2.0;
            return -2 * mixture.summary().logLikelihood() + parameters * Math.log(rows);
        }
        return new ClusteringEvaluator().setFeaturesCol(DataDrivenSegmentation.SCALED)
                .setPredictionCol(DataDrivenSegmentation.CLUSTER).setMetricName("silhouette")
                .evaluate(model.transform(prepared));
    }
}
