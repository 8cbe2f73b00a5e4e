package org.segplan.config;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.segplan.error.Errors;

/** Reads a domain enum from its configuration name, or fails naming the key and every name it knows. */
final class ConfigNames {
    private ConfigNames() {
    }

    /** @param what how the error calls the value, e.g. "segmentation algorithm" */
    static <T> T parse(String key, String value, T[] values, Function<T, String> name, String what) {
        for (T candidate : values) {
            if (name.apply(candidate).equals(value)) {
                return candidate;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a " + what + " segplan knows",
                "use one of " + Arrays.stream(values).map(name).collect(Collectors.joining(", ")));
    }
}
