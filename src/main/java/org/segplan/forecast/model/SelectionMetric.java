package org.segplan.forecast.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The backtest measure the best model is chosen by (lower is better). */
public enum SelectionMetric {
    WAPE, MASE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SelectionMetric> parse(String name) {
        return Arrays.stream(values()).filter(metric -> metric.label().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
