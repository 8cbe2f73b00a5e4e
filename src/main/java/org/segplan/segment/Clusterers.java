package org.segplan.segment;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.config.SegmentationAlgorithm;
import org.segplan.config.SegmentationSettings;

/**
 * The MLlib estimators behind each algorithm, and how a fitted candidate is scored: silhouette (higher is
 * better) for the k-means family, the Bayesian information criterion (lower is better) for mixtures.
 */
public final class Clusterers {
    static final String PROBABILITY = "__probability";

    private Clusterers() {
    }

    static Estimator<? extends Model<?>> estimator(int k, SegmentationSettings settings) {
        return switch (settings.algorithm()) {
            case KMEANS -> new KMeans().setK(k).setSeed(settings.seed()).setMaxIter(settings.maxIterations())
                    .setFeaturesCol(DataDrivenSegmentation.SCALED).setPredictionCol(DataDrivenSegmentation.CLUSTER);
            case BISECTING_KMEANS -> new BisectingKMeans().setK(k).setSeed(settings.seed())
                    .setMaxIter(settings.maxIterations()).setFeaturesCol(DataDrivenSegmentation.SCALED)
                    .setPredictionCol(DataDrivenSegmentation.CLUSTER);
            case GAUSSIAN_MIXTURE -> new GaussianMixture().setK(k).setSeed(settings.seed())
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
