package org.segplan.forecast.model;

/**
 * Accuracy measures over a backtest: WAPE (sum of absolute errors over sum of absolute actuals), MASE (mean
 * absolute error over the in-sample mean absolute error of the one-step naive forecast) and bias (sum of
 * forecast minus actual over sum of actuals; positive means over-forecasting). NaN when undefined.
 */
public final class ForecastMetrics {
    private ForecastMetrics() {
    }

    public static double wape(double sumAbsoluteError, double sumAbsoluteActual) {
        return sumAbsoluteActual > 0 ? sumAbsoluteError / sumAbsoluteActual : Double.NaN;
    }

    public static double bias(double sumError, double sumActual) {
        return sumActual != 0 ? sumError / Math.abs(sumActual) : Double.NaN;
    }

    /** Mean absolute change from one bucket to the next: the MASE scale. */
    public static double naiveScale(double[] history, int length) {
        double sum = 0;
        int count = 0;
        for (int t = 1; t < Math.min(length, history.length); t++) {
            sum += Math.abs(history[t] - history[t - 1]);
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    public static double mase(double meanAbsoluteError, double scale) {
        return scale > 0 ? meanAbsoluteError / scale : Double.NaN;
    }
}
