package org.segplan.io;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One row of the run ledger: one run, stage and table. */
public record LedgerEntry(String stage, String table, String status, Long rowsIn, Long rowsAccepted,
        Long rowsQuarantined, Long rowsOut, Instant startedAt, double durationSeconds, String message) {
    public LedgerEntry {
        requireNonNull(stage, "stage is null");
        requireNonNull(table, "table is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
    }
}
