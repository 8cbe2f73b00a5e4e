package org.segplan.config;

import com.typesafe.config.Config;
import org.segplan.error.Errors;

/**
 * Settings of the quality gate ({@code segplan check}). The error-level quarantine limit is
 * {@code segplan.validation.max-quarantine-share}; these add the warning thresholds.
 *
 * @param quarantineWarningShare a quarantined share above this (and at most the limit) is a warning
 * @param minimumSegmentShare a segment holding a smaller share of customers than this is a warning
 */
public record QualityGateSettings(double quarantineWarningShare, double minimumSegmentShare) {
    public static QualityGateSettings parse(Config root) {
        double warning = ConfigValues.share(root, "quality-gate.quarantine-warning-share");
        double limit = ConfigValues.number(root, "validation.max-quarantine-share");
        if (warning > limit) {
            throw Errors.invalidConfigValue("segplan.quality-gate.quarantine-warning-share", warning,
                    "a warning threshold above segplan.validation.max-quarantine-share (" + limit + ") never fires",
                    "give a share at most the limit");
        }
        return new QualityGateSettings(warning, ConfigValues.share(root, "quality-gate.minimum-segment-share"));
    }
}
