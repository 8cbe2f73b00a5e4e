package org.segplan.forecast.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Croston, SBA (Syntetos-Boylan approximation) and TSB (Teunter-Syntetos-Babai) for intermittent demand, with
 * fixed smoothing constants (0.1 is the usual choice; optimizing them on a few non-zero buckets overfits).
 * States start at the first non-zero bucket: size = that demand, interval = its position counted from 1, and
 * TSB's demand probability = 1 / that interval. Before the first demand there is no prediction ({@code NaN}).
 */
public final class IntermittentDemand {
    private IntermittentDemand() {
    }

    public static boolean applicable(double[] history) {
        return Arrays.stream(history).anyMatch(value -> value > 0);
    }

    public static ModelFit fit(ModelName model, double[] history, int horizon, double alpha, double beta) {
        return switch (model) {
            case CROSTON -> croston(model, history, horizon, alpha, 1.0);
            case SBA -> croston(model, history, horizon, alpha, 1.0 - alpha / 2.0);
            case TSB -> tsb(history, horizon, alpha, beta);
            default -> throw new IllegalArgumentException(model.configName() + " is not an intermittent-demand model");
        };
    }

    private static ModelFit croston(ModelName model, double[] y, int horizon, double alpha, double correction) {
        double[] fitted = new double[y.length];
        Arrays.fill(fitted, Double.NaN);
        int first = firstDemand(y);
        double size = y[first];
        double interval = first + 1;
        int sinceLast = 1;
        for (int t = first + 1; t < y.length; t++) {
            fitted[t] = correction * size / interval;
            if (y[t] > 0) {
                size += alpha * (y[t] - size);
                interval += alpha * (sinceLast - interval);
                sinceLast = 1;
            } else {
                sinceLast++;
            }
        }
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, correction * size / interval);
        return new ModelFit(model, fitted, forecast, String.format(Locale.ROOT, "alpha=%.2f", alpha));
    }

    private static ModelFit tsb(double[] y, int horizon, double alpha, double beta) {
        double[] fitted = new double[y.length];
        Arrays.fill(fitted, Double.NaN);
        int first = firstDemand(y);
        double size = y[first];
        double probability = 1.0 / (first + 1);
        for (int t = first + 1; t < y.length; t++) {
            fitted[t] = probability * size;
            if (y[t] > 0) {
                size += alpha * (y[t] - size);
                probability += beta * (1 - probability);
            } else {
                probability += beta * (0 - probability);
            }
        }
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, probability * size);
        return new ModelFit(ModelName.TSB, fitted, forecast,
                String.format(Locale.ROOT, "alpha=%.2f,beta=%.2f", alpha, beta));
    }

    private static int firstDemand(double[] y) {
        for (int t = 0; t < y.length; t++) {
            if (y[t] > 0) {
                return t;
            }
        }
        throw new IllegalArgumentException("an intermittent-demand model needs at least one bucket with demand");
    }
}
