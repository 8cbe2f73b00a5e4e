package org.segplan.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** File formats segplan reads inputs (and the lookup tables of a mapping) from. */
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

    /** The format of this Spark name, case-insensitive. */
    public static Optional<InputFormat> parse(String name) {
        return Arrays.stream(values()).filter(format -> format.sparkName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
