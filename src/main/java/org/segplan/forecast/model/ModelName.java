package org.segplan.forecast.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every forecasting model the engine knows, by the name used in configuration and in the tables. */
public enum ModelName {
    SEASONAL_NAIVE("seasonal-naive"),
    NAIVE("naive"),
    MEAN("mean"),
    SES("ses"),
    HOLT("holt"),
    DAMPED_TREND("damped-trend"),
    HOLT_WINTERS_ADDITIVE("holt-winters-additive"),
    HOLT_WINTERS_MULTIPLICATIVE("holt-winters-multiplicative"),
    CROSTON("croston"),
    SBA("sba"),
    TSB("tsb");

    private final String configName;

    ModelName(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Models for intermittent and lumpy demand (many zero buckets). */
    public boolean isIntermittent() {
        return this == CROSTON || this == SBA || this == TSB;
    }

    public static Optional<ModelName> parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(model -> model.configName.equals(wanted)).findFirst();
    }
}
