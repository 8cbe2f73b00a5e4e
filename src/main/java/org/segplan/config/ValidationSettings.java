package org.segplan.config;

import java.util.Optional;

/** Row and dataset check settings. */
public record ValidationSettings(double maxQuarantineShare, Optional<String> timestampFormat, Optional<String> dateFormat) {
    public ValidationSettings {
        java.util.Objects.requireNonNull(timestampFormat, "timestampFormat is null");
        java.util.Objects.requireNonNull(dateFormat, "dateFormat is null");
    }
}
