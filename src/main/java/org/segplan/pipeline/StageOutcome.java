package org.segplan.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * What a stage did: counts per table it read or wrote, and notes for the run summary; or, when it could not run
 * on this run's inputs (say, it needs transactions and none were loaded), why it was skipped.
 */
public record StageOutcome(List<TableCounts> tables, List<String> notes, Optional<String> skippedBecause) {
    public StageOutcome {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        skippedBecause = java.util.Objects.requireNonNull(skippedBecause, "skippedBecause is null");
    }

    public StageOutcome(List<TableCounts> tables, List<String> notes) {
        this(tables, notes, Optional.empty());
    }

    /** A stage that did nothing on purpose; the runner records it as SKIPPED with the reason. */
    public static StageOutcome skipped(String reason) {
        return new StageOutcome(List.of(), List.of(), Optional.of(reason));
    }

    public boolean isSkipped() {
        return skippedBecause.isPresent();
    }
}
