package org.segplan.quality;

import static java.util.Objects.requireNonNull;

/**
 * The settings of the ingest checks.
 *
 * @param maxQuarantineShare the largest share of an input's rows that may fail the checks (0 to 1)
 * @param formats            patterns of timestamps and dates held as text
 * @param anonymousLines     what happens to order lines without a customer id
 */
public record ValidationRules(double maxQuarantineShare, ParseFormats formats, AnonymousLines anonymousLines) {
    public ValidationRules {
        if (!(maxQuarantineShare >= 0 && maxQuarantineShare <= 1)) {
            throw new IllegalArgumentException("maxQuarantineShare must lie in [0, 1], not " + maxQuarantineShare);
        }
        requireNonNull(formats, "formats is null");
        requireNonNull(anonymousLines, "anonymousLines is null");
    }
}
