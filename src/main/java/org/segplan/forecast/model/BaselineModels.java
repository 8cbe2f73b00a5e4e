package org.segplan.forecast.model;

import java.util.Arrays;

/** Models without parameters: seasonal naive, naive (last value) and the mean of the last season. */
public final class BaselineModels {
    private BaselineModels() {
    }

    /** Each future bucket repeats the same bucket one season earlier. Needs at least one full season. */
    public static ModelFit seasonalNaive(double[] history, int seasonLength, int horizon) {
        int n = history.length;
        if (n < seasonLength) {
            throw new IllegalArgumentException("seasonal naive needs " + seasonLength + " buckets, got " + n);
        }
        double[] fitted = new double[n];
        Arrays.fill(fitted, Double.NaN);
        for (int t = seasonLength; t < n; t++) {
            fitted[t] = history[t - seasonLength];
        }
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = history[n - seasonLength + (h % seasonLength)];
        }
        return new ModelFit(ModelName.SEASONAL_NAIVE, fitted, forecast, "season=" + seasonLength);
    }

    public static ModelFit naive(double[] history, int horizon) {
        int n = history.length;
        double[] fitted = new double[n];
        Arrays.fill(fitted, Double.NaN);
        for (int t = 1; t < n; t++) {
            fitted[t] = history[t - 1];
        }
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, history[n - 1]);
        return new ModelFit(ModelName.NAIVE, fitted, forecast, "");
    }

    /** The mean of the last {@code window} buckets: the fallback for histories too short for anything else. */
    public static ModelFit mean(double[] history, int window, int horizon) {
        int n = history.length;
        double[] fitted = new double[n];
        Arrays.fill(fitted, Double.NaN);
        for (int t = 0; t < n; t++) {
            if (t > 0) {
                int from = Math.max(0, t - window);
                double sum = 0;
                for (int i = from; i < t; i++) {
                    sum += history[i];
                }
                fitted[t] = sum / (t - from);
            }
        }
        int from = Math.max(0, n - window);
        double sum = 0;
        for (int i = from; i < n; i++) {
            sum += history[i];
        }
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, n == 0 ? 0 : sum / (n - from));
        return new ModelFit(ModelName.MEAN, fitted, forecast, "window=" + window);
    }
}
