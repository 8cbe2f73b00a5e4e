package org.segplan.mapping;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Rows for which {@code when} (a Spark SQL condition) holds go to quarantine with {@code reason}, never dropped.
 *
 * @param reason a user-defined reason code, UPPER_SNAKE
 */
public record RowFilter(String reason, String when) {
    public static final Pattern REASON_PATTERN = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    public RowFilter {
        requireNonNull(reason, "reason is null");
        requireNonNull(when, "when is null");
        if (!REASON_PATTERN.matcher(reason).matches()) {
            throw new IllegalArgumentException("reason code '" + reason + "' is not UPPER_SNAKE");
        }
    }
}
