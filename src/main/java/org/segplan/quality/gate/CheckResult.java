package org.segplan.quality.gate;

import static java.util.Objects.requireNonNull;

import org.segplan.contract.QualityChecksTable;

/**
 * One row of {@code quality_checks}: what was checked, on what, how much it matters, and what was seen.
 *
 * @param observed the measured value (a count or a share); null when there was nothing to measure
 */
public record CheckResult(String check, String subject, CheckLevel level, boolean passed, Double observed,
        String expected, String message) {
    public CheckResult {
        requireNonNull(check, "check is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(level, "level is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(message, "message is null");
    }

    public static CheckResult pass(String check, String subject, CheckLevel level, Double observed, String expected,
            String message) {
        return new CheckResult(check, subject, level, true, observed, expected, message);
    }

    public static CheckResult fail(String check, String subject, CheckLevel level, Double observed, String expected,
            String message) {
        return new CheckResult(check, subject, level, false, observed, expected, message);
    }

    /** Passes when the condition holds; the message describes what was seen either way. */
    public static CheckResult when(boolean condition, String check, String subject, CheckLevel level, Double observed,
            String expected, String message) {
        return new CheckResult(check, subject, level, condition, observed, expected, message);
    }

    public boolean failedError() {
        return !passed && level == CheckLevel.ERROR;
    }

    public String status() {
        return passed ? QualityChecksTable.PASSED : QualityChecksTable.FAILED;
    }

    /** For error messages and run notes: {@code check[subject]: message}. */
    public String describe() {
        return check + "[" + subject + "]: " + message;
    }
}
