package org.segplan.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.segplan.mapping.InputFormat;
import org.segplan.mapping.InputMapping;

/**
 * Where one input table lives and how to read it; path is null when an optional input is not provided.
 *
 * @param mapping how a source in another layout becomes this input (segplan.inputs.&lt;table&gt;.mapping); empty
 *                when the source already has the contract's columns
 */
public record InputSpec(String table, String path, InputFormat format, Map<String, String> options, boolean required,
        Optional<InputMapping> mapping) {
    public InputSpec {
        requireNonNull(table, "table is null");
        requireNonNull(format, "format is null");
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(options, "options is null")));
        requireNonNull(mapping, "mapping is null");
    }

    /** An input without a mapping. */
    public InputSpec(String table, String path, InputFormat format, Map<String, String> options, boolean required) {
        this(table, path, format, options, required, Optional.empty());
    }
}
