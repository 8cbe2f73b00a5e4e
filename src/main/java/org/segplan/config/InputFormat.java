package org.segplan.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.segplan.error.Errors;

/** File formats segplan reads inputs from. */
public enum InputFormat {
    CSV("csv"),
    PARQUET("parquet"),
    DELTA("delta"),
    JSON("json");

    private final String sparkName;

    InputFormat(String sparkName) {
        this.sparkName = sparkName;
    }

    public String sparkName() {
        return sparkName;
    }

    /** True for formats that carry no types, so every column arrives as text. */
    public boolean isText() {
        return this == CSV || this == JSON;
    }

    static InputFormat parse(String key, String value) {
        for (InputFormat format : values()) {
            if (format.sparkName.equals(value.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a supported input format",
                "use one of " + Arrays.stream(values()).map(InputFormat::sparkName).collect(Collectors.joining(", ")));
    }
}
