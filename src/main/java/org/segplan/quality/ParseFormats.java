package org.segplan.quality;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Patterns for timestamps and dates held as text; empty means ISO 8601. */
public record ParseFormats(Optional<String> timestampFormat, Optional<String> dateFormat) {
    public ParseFormats {
        requireNonNull(timestampFormat, "timestampFormat is null");
        requireNonNull(dateFormat, "dateFormat is null");
    }

    public static ParseFormats iso() {
        return new ParseFormats(Optional.empty(), Optional.empty());
    }
}
