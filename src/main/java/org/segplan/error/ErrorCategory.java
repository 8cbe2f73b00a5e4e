package org.segplan.error;

/** Countable families of user-facing failures; each maps to a process exit code. */
public enum ErrorCategory {
    CONFIGURATION(2),
    INPUT(3),
    DATA_QUALITY(4),
    STAGE(5),
    INTERNAL(70);

    private final int exitCode;

    ErrorCategory(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
