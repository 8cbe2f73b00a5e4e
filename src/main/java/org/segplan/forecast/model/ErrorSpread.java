package org.segplan.forecast.model;

import java.io.Serializable;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How forecast errors spread with the horizon, learnt from rolling-origin backtest errors: the mean squared
 * error at step h is fitted as {@code a + b (h - 1)} with a, b >= 0 (least squares over the steps). That form is
 * exact for the naive forecast of a random walk and for simple exponential smoothing of a local level
 * (variance {@code sigma^2 (1 + (h - 1) alpha^2)}), and pools every fold and step so a few folds still give a
 * stable spread. Intervals are the point forecast plus or minus the normal quantile times {@code sqrt(a + b(h-1))}.
 */
public record ErrorSpread(double intercept, double slope, int errors) implements Serializable {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** The wider of two spreads, step by step at both ends of the line. */
    public ErrorSpread widest(ErrorSpread other) {
        return new ErrorSpread(Math.max(intercept, other.intercept), Math.max(slope, other.slope), errors + other.errors);
    }

    /** The standard deviation of the error at step h (1-based). */
    public double standardDeviation(int step) {
        return Math.sqrt(Math.max(0, intercept + slope * step));
    }

    /** Half width of the two-sided interval of the given coverage (e.g. 0.8) at step h. */
    public double halfWidth(double coverage, int step) {
        return zFor(coverage) * standardDeviation(step);
    }

    /** The two-sided normal quantile: 1.2816 for 0.8, 1.96 for 0.95. */
    public static double zFor(double coverage) {
        return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + coverage / 2);
    }

    /** One-sided normal quantile for a service level (probability of no stock-out), e.g. 1.645 for 0.95. */
    public static double zForServiceLevel(double serviceLevel) {
        return STANDARD_NORMAL.inverseCumulativeProbability(serviceLevel);
    }

    /**
     * Fits the spread to errors[fold][step]; NaN entries are skipped. {@code excludedFold} (or -1) leaves one fold
     * out, which is how the backtest's own interval coverage is measured without peeking.
     */
    public static ErrorSpread fit(double[][] errors, int excludedFold) {
        int steps = 0;
        for (double[] fold : errors) {
            steps = Math.max(steps, fold.length);
        }
        double[] meanSquares = new double[steps];
        int[] counts = new int[steps];
        int total = 0;
        for (int fold = 0; fold < errors.length; fold++) {
            if (fold == excludedFold) {
                continue;
            }
            for (int h = 0; h < errors[fold].length; h++) {
                double error = errors[fold][h];
                if (Double.isFinite(error)) {
                    meanSquares[h] += error * error;
                    counts[h]++;
                    total++;
                }
            }
        }
        double sumX = 0;
        double sumY = 0;
        double sumXX = 0;
        double sumXY = 0;
        int points = 0;
        for (int h = 0; h < steps; h++) {
            if (counts[h] == 0) {
                continue;
            }
            double y = meanSquares[h] / counts[h];
            double x = h + 1;
            sumX += x;
            sumY += y;
            sumXX += x * x;
            sumXY += x * y;
            points++;
        }
        if (points == 0) {
            return new ErrorSpread(0, 0, 0);
        }
        double meanY = sumY / points;
        double denominator = sumXX - sumX * sumX / points;
        if (points == 1 || denominator <= 0) {
            return new ErrorSpread(meanY, 0, total);
        }
        double slope = (sumXY - sumX * sumY / points) / denominator;
        double intercept = meanY - slope * sumX / points;
        if (slope < 0) {
            return new ErrorSpread(meanY, 0, total);
        }
        if (intercept < 0) {
            return new ErrorSpread(0, sumXY / sumXX, total);
        }
        return new ErrorSpread(intercept, slope, total);
    }

    /**
     * Mean square of the errors summed over the first k steps, k = 1..steps, over the rows (origins) whose first k
     * errors are all finite; null when some k has fewer than {@code minimumRows} rows (too few to say).
     */
    public static double[] cumulativeMeanSquares(double[][] errors, int steps, int minimumRows) {
        double[] sums = new double[steps];
        int[] counts = new int[steps];
        for (double[] row : errors) {
            double cumulative = 0;
            for (int k = 0; k < Math.min(steps, row.length) && Double.isFinite(row[k]); k++) {
                cumulative += row[k];
                sums[k] += cumulative * cumulative;
                counts[k]++;
            }
        }
        double[] result = new double[steps];
        for (int k = 0; k < steps; k++) {
            if (counts[k] < minimumRows) {
                return null;
            }
            result[k] = sums[k] / counts[k];
        }
        return result;
    }
}
