package org.segplan.config;

import java.util.Optional;
import org.segplan.quality.AnonymousLines;
import org.segplan.quality.ParseFormats;
import org.segplan.quality.ValidationRules;

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

    /** The ingest checks' settings, in the domain's terms. */
    public ValidationRules rules() {
        return new ValidationRules(maxQuarantineShare, new ParseFormats(timestampFormat, dateFormat),
                anonymousTransactions == AnonymousTransactions.KEEP ? AnonymousLines.KEEP : AnonymousLines.QUARANTINE);
    }
}
