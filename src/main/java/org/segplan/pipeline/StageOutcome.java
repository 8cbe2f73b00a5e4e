package org.segplan.pipeline;

import java.util.List;

/** What a stage did: counts per table it read or wrote, and notes for the run summary. */
public record StageOutcome(List<TableCounts> tables, List<String> notes) {
    public StageOutcome {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
