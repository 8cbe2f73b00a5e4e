package org.segplan.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/** Where one input table lives and how to read it; path is null when an optional input is not provided. */
public record InputSpec(String table, String path, InputFormat format, Map<String, String> options, boolean required) {
    public InputSpec {
        requireNonNull(table, "table is null");
        requireNonNull(format, "format is null");
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(options, "options is null")));
    }
}
