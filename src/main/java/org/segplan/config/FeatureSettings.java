package org.segplan.config;

/** Feature engineering settings. */
public record FeatureSettings(int urgentLeadTimeDays) {
}
