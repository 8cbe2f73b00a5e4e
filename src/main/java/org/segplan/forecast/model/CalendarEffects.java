package org.segplan.forecast.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holiday and promotion effects as one multiplicative uplift per regressor: the ratio of actual to predicted
 * demand over the flagged buckets of the history (one-step predictions of the base model), applied to the
 * forecasts of flagged future buckets. Estimated only with at least {@link #MIN_FLAGGED} flagged buckets and
 * clipped to [{@link #MIN_UPLIFT}, {@link #MAX_UPLIFT}], so one odd week cannot wreck a forecast.
 */
public final class CalendarEffects {
    static final int MIN_FLAGGED = 2;
    static final double MIN_UPLIFT = 0.2;
    static final double MAX_UPLIFT = 5.0;

    private CalendarEffects() {
    }

    /** One estimated effect: the regressor's name and its uplift (1 = none). */
    public record Effect(String regressor, double uplift, int flaggedBuckets) implements java.io.Serializable {
    }

    /**
     * @param regressors values over history then horizon (length history + horizon); a value above 0 flags a bucket
     */
    public static List<Effect> estimate(double[] history, double[] fitted, List<Regressor> regressors) {
        List<Effect> effects = new ArrayList<>();
        for (Regressor regressor : regressors) {
            double actual = 0;
            double predicted = 0;
            int flagged = 0;
            double[] flags = regressor.values();
            for (int t = 0; t < history.length; t++) {
                if (flags[t] > 0 && Double.isFinite(fitted[t])) {
                    actual += history[t];
                    predicted += fitted[t];
                    flagged++;
                }
            }
            if (flagged < MIN_FLAGGED || predicted <= 0 || actual < 0) {
                continue;
            }
            effects.add(new Effect(regressor.name(), Math.max(MIN_UPLIFT, Math.min(MAX_UPLIFT, actual / predicted)),
                    flagged));
        }
        return effects;
    }

    /** Multiplies the forecast of every flagged future bucket by the uplift of each regressor flagging it. */
    public static double[] apply(double[] forecast, int historyLength, List<Regressor> regressors, List<Effect> effects) {
        double[] result = forecast.clone();
        for (Effect effect : effects) {
            Regressor regressor = regressors.stream().filter(r -> r.name().equals(effect.regressor())).findFirst()
                    .orElseThrow();
            double[] flags = regressor.values();
            for (int h = 0; h < result.length; h++) {
                int index = historyLength + h;
                if (index < flags.length && flags[index] > 0) {
                    result[h] *= effect.uplift();
                }
            }
        }
        return result;
    }

    public static String describe(List<Effect> effects) {
        if (effects.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Effect effect : effects) {
            parts.add(String.format(Locale.ROOT, "%s x%.3f (%d buckets)", effect.regressor(), effect.uplift(),
                    effect.flaggedBuckets()));
        }
        return String.join(", ", parts);
    }
}
