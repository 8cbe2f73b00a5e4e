package org.segplan.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** How segplan creates its SparkSession. */
public record SparkSettings(String master, String appName, int shufflePartitions, Map<String, String> settings) {
    public SparkSettings {
        requireNonNull(master, "master is null");
        requireNonNull(appName, "appName is null");
        settings = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(settings, "settings is null")));
    }
}
