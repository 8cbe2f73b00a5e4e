package org.segplan.io;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Who a run is. The run id is derived from the run date and the configuration hash, not drawn at random,
 * so the same run date and settings give the same tables, run id included.
 */
public record RunIdentity(LocalDate runDate, String runId, String configHash, String codeVersion) {
    public RunIdentity {
        requireNonNull(runDate, "runDate is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(configHash, "configHash is null");
        requireNonNull(codeVersion, "codeVersion is null");
    }

    public static RunIdentity of(LocalDate runDate, String configHash, String codeVersion) {
        String runId = runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + configHash.substring(0, 12);
        return new RunIdentity(runDate, runId, configHash, codeVersion);
    }
}
