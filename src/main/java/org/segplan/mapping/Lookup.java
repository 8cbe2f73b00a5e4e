package org.segplan.mapping;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reference table joined to the source (left join, unique key): its columns appear as {@code <name>_<column>}.
 *
 * @param key   the lookup table's key column
 * @param match Spark SQL expression over the source whose value is looked up
 */
public record Lookup(String name, String path, InputFormat format, Map<String, String> options, String key, String match) {
    public Lookup {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        options = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(options, "options is null")));
        requireNonNull(key, "key is null");
        requireNonNull(match, "match is null");
    }

    public String prefixed(String column) {
        return name + "_" + column;
    }
}
