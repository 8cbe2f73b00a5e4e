package org.segplan.config;

import java.util.Optional;

/** Row and dataset check settings. */
public record ValidationSettings(double maxQuarantineShare, Optional<String> timestampFormat, Optional<String> dateFormat,
        AnonymousTransactions anonymousTransactions) {
    public ValidationSettings {
        java.util.Objects.requireNonNull(timestampFormat, "timestampFormat is null");
        java.util.Objects.requireNonNull(dateFormat, "dateFormat is null");
        java.util.Objects.requireNonNull(anonymousTransactions, "anonymousTransactions is null");
    }

    /** Settings that quarantine order lines without a customer id (the default). */
    public ValidationSettings(double maxQuarantineShare, Optional<String> timestampFormat, Optional<String> dateFormat) {
        this(maxQuarantineShare, timestampFormat, dateFormat, AnonymousTransactions.QUARANTINE);
    }
}
