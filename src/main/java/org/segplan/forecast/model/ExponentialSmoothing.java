package org.segplan.forecast.model;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Exponential smoothing (simple, Holt, damped trend, Holt-Winters additive and multiplicative) in the classic
 * recursive form. Smoothing parameters minimise the in-sample sum of squared one-step errors, found by Commons
 * Math's Brent (one parameter) or BOBYQA (several, with bounds). Initial states come from the first buckets
 * (level and trend from the first two values, or from the first two seasons), so a series that follows a model
 * exactly is reproduced exactly whatever the parameters.
 */
public final class ExponentialSmoothing {
    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double DAMPING_LOWER = 0.8;
    static final double DAMPING_UPPER = 0.98;
    /** Returned for parameter sets that make the recursion blow up, so the optimizer steps away from them. */
    private static final double PENALTY = 1e300;
    private static final int MAX_EVALUATIONS = 3000;

    private ExponentialSmoothing() {
    }

    /** Whether the model can be fitted on a history of this length (and sign, for the multiplicative one). */
    public static boolean applicable(ModelName model, double[] history, int seasonLength) {
        int n = history.length;
        return switch (model) {
            case SES -> n >= 2;
            case HOLT, DAMPED_TREND -> n >= 3;
            case HOLT_WINTERS_ADDITIVE -> n >= 2 * seasonLength;
            case HOLT_WINTERS_MULTIPLICATIVE -> n >= 2 * seasonLength && Arrays.stream(history).allMatch(v -> v > 0);
            default -> false;
        };
    }

    public static ModelFit fit(ModelName model, double[] history, int seasonLength, int horizon) {
        if (!applicable(model, history, seasonLength)) {
            throw new IllegalArgumentException(model.configName() + " cannot be fitted on " + history.length + " buckets");
        }
        Recursion recursion = new Recursion(model, history, seasonLength);
        double[] parameters = optimize(recursion);
        return recursion.run(parameters, horizon);
    }

    /** Forecasts from a history with parameters fixed beforehand (no fitting): for in-sample h-step errors. */
    public static double[] forecastWith(ModelName model, double[] history, int seasonLength, double[] parameters,
            int horizon) {
        return new Recursion(model, history, seasonLength).run(parameters, horizon).forecast();
    }

    private static double[] optimize(Recursion recursion) {
        double[] lower = recursion.lowerBounds();
        double[] upper = recursion.upperBounds();
        if (lower.length == 1) {
            UnivariatePointValuePair best = new BrentOptimizer(1e-6, 1e-8).optimize(new MaxEval(MAX_EVALUATIONS),
                    new UnivariateObjectiveFunction(alpha -> recursion.sse(new double[] {alpha})), GoalType.MINIMIZE,
                    new SearchInterval(lower[0], upper[0], 0.3));
            return new double[] {best.getPoint()};
        }
        double[] start = new double[lower.length];
        for (int i = 0; i < start.length; i++) {
            start[i] = lower[i] + 0.3 * (upper[i] - lower[i]);
        }
        // BOBYQA needs its initial trust region within the bounds: the damping range is the narrowest (0.18).
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * lower.length + 1, 0.05, 1e-5);
        PointValuePair best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(recursion::sse),
                GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
        return best.getPoint();
    }

    /** The smoothing recursion of one model on one history, evaluated for any parameter vector. */
    private static final class Recursion {
        private final ModelName model;
        private final double[] y;
        private final int m;
        private final boolean seasonal;
        private final boolean multiplicative;
        private final boolean trend;
        private final boolean damped;
        private final double initialLevel;
        private final double initialTrend;
        private final double[] initialSeason;

        Recursion(ModelName model, double[] history, int seasonLength) {
            this.model = model;
            this.y = history;
            this.m = seasonLength;
            this.seasonal = model == ModelName.HOLT_WINTERS_ADDITIVE || model == ModelName.HOLT_WINTERS_MULTIPLICATIVE;
            this.multiplicative = model == ModelName.HOLT_WINTERS_MULTIPLICATIVE;
            this.trend = model != ModelName.SES;
            this.damped = model == ModelName.DAMPED_TREND;
            if (seasonal) {
                double first = mean(history, 0, m);
                double second = mean(history, m, 2 * m);
                double slope = (second - first) / m;
                this.initialTrend = slope;
                // Level just before the first bucket: the first season's mean sits at its middle, (m - 1) / 2.
                this.initialLevel = first - slope * (m + 1) / 2.0;
                this.initialSeason = new double[m];
                for (int i = 0; i < m; i++) {
                    double levelAtI = first + slope * (i - (m - 1) / 2.0);
                    initialSeason[i] = multiplicative ? history[i] / levelAtI : history[i] - levelAtI;
                }
            } else if (trend) {
                // The mean of the first few changes: one change alone is mostly noise.
                int span = Math.min(history.length - 1, 6);
                this.initialTrend = (history[span] - history[0]) / span;
                this.initialLevel = history[0] - initialTrend;
                this.initialSeason = new double[0];
            } else {
                this.initialTrend = 0;
                this.initialLevel = history[0];
                this.initialSeason = new double[0];
            }
        }

        private static double mean(double[] values, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            return sum / (to - from);
        }

        /** alpha, then beta (trend), then gamma (season) or phi (damping). */
        double[] lowerBounds() {
            int count = 1 + (trend ? 1 : 0) + (seasonal || damped ? 1 : 0);
            double[] bounds = new double[count];
            Arrays.fill(bounds, LOWER);
            if (damped) {
                bounds[2] = DAMPING_LOWER;
            }
            return bounds;
        }

        double[] upperBounds() {
            double[] bounds = new double[lowerBounds().length];
            Arrays.fill(bounds, UPPER);
            if (damped) {
                bounds[2] = DAMPING_UPPER;
            }
            return bounds;
        }

        double sse(double[] parameters) {
            double[] fitted = new double[y.length];
            step(parameters, fitted, 0);
            double sum = 0;
            for (int t = 0; t < y.length; t++) {
                double error = y[t] - fitted[t];
                sum += error * error;
            }
            return Double.isFinite(sum) ? sum : PENALTY;
        }

        ModelFit run(double[] parameters, int horizon) {
            double[] fitted = new double[y.length];
            double[] forecast = step(parameters, fitted, horizon);
            return new ModelFit(model, fitted, forecast, describe(parameters), parameters);
        }

        private String describe(double[] parameters) {
            String[] names = {"alpha", trend ? "beta" : null, seasonal ? "gamma" : damped ? "phi" : null};
            StringBuilder text = new StringBuilder();
            int index = 0;
            for (String name : names) {
                if (name == null) {
                    continue;
                }
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(String.format(Locale.ROOT, "%s=%.4f", name, parameters[index++]));
            }
            return text.toString();
        }

        /** Runs the recursion over the history, filling one-step predictions, and returns the forecasts. */
        private double[] step(double[] parameters, double[] fitted, int horizon) {
            double alpha = parameters[0];
            double beta = trend ? parameters[1] : 0;
            double gamma = seasonal ? parameters[2] : 0;
            double phi = damped ? parameters[2] : 1;
            double level = initialLevel;
            double slope = initialTrend;
            double[] season = initialSeason.clone();
            for (int t = 0; t < y.length; t++) {
                double base = level + phi * slope;
                double seasonIndex = seasonal ? season[t % m] : (multiplicative ? 1 : 0);
                fitted[t] = multiplicative ? base * seasonIndex : base + seasonIndex;
                double deseasonalized = multiplicative ? y[t] / seasonIndex : y[t] - seasonIndex;
                double newLevel = alpha * deseasonalized + (1 - alpha) * base;
                if (trend) {
                    slope = beta * (newLevel - level) + (1 - beta) * phi * slope;
                }
                if (seasonal) {
                    season[t % m] = gamma * (multiplicative ? y[t] / newLevel : y[t] - newLevel)
                            + (1 - gamma) * season[t % m];
                }
                level = newLevel;
            }
            double[] forecast = new double[horizon];
            double dampedSum = 0;
            double phiPower = 1;
            for (int h = 1; h <= horizon; h++) {
                phiPower *= phi;
                dampedSum += damped ? phiPower : 1;
                double base = level + (trend ? dampedSum * slope : 0);
                if (seasonal) {
                    double index = season[(y.length + h - 1) % m];
                    forecast[h - 1] = multiplicative ? base * index : base + index;
                } else {
                    forecast[h - 1] = base;
                }
            }
            return forecast;
        }
    }
}
