package org.segplan.error;

import static java.util.Objects.requireNonNull;

/**
 * A failure the user can act on. Built only by {@link Errors}, so every message says what failed, why,
 * and how to fix it.
 */
public final class SegplanException extends RuntimeException {
    private final ErrorCategory category;
    private final String code;

    SegplanException(ErrorCategory category, String code, String message, Throwable cause) {
        super(message, cause);
        this.category = requireNonNull(category, "category is null");
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCategory category() {
        return category;
    }

    /** A stable, countable code such as {@code MISSING_COLUMNS}. */
    public String code() {
        return code;
    }
}
