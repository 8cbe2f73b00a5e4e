package org.segplan.config;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A validated configuration and the date of the run it is for (from --run-date or segplan.run.date). */
public record ConfiguredRun(SegplanConfig config, LocalDate runDate) {
    public ConfiguredRun {
        requireNonNull(config, "config is null");
        requireNonNull(runDate, "runDate is null");
    }
}
