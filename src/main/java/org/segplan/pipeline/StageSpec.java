package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a stage reads and writes, declared once. The runner checks the reads before the stage starts (and skips a
 * stage that needs order lines on a run without them); the quality gate, {@code segplan stages --json}, the Airflow
 * task list and the test table lists all derive from these declarations.
 *
 * @param name the stage's name and its {@code segplan} subcommand
 * @param description one line for the command's help and the stage list
 * @param reads the tables of earlier stages it reads for the run date
 * @param writes the tables it writes for the run date, in the order it writes them
 * @param needsOrderLines whether it can only run when the run date has validated transactions
 */
public record StageSpec(String name, String description, List<TableRead> reads, List<TableWrite> writes,
        boolean needsOrderLines) {
    public StageSpec {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    public List<String> writtenTables() {
        return writes.stream().map(TableWrite::table).toList();
    }

    /** The tables every successful run of the stage writes with rows: what the quality gate checks. */
    public List<String> tablesWithRowsEveryRun() {
        return writes.stream().filter(write -> write.condition().isEmpty() && !write.mayBeEmpty())
                .map(TableWrite::table).toList();
    }

    public boolean writes(String table) {
        return writtenTables().contains(table);
    }

    /** A table read for the run date; a required one must have rows, or the stage fails naming who writes it. */
    public record TableRead(String table, boolean required) {
        public TableRead {
            requireNonNull(table, "table is null");
        }

        public static TableRead required(String table) {
            return new TableRead(table, true);
        }

        public static TableRead optional(String table) {
            return new TableRead(table, false);
        }
    }

    /**
     * A table written for the run date. A non-empty condition says when it is written (otherwise: every run);
     * {@code mayBeEmpty} marks a table that may rightly have no rows (no quarantined rows, no unmet demand).
     */
    public record TableWrite(String table, String condition, boolean mayBeEmpty) {
        public TableWrite {
            requireNonNull(table, "table is null");
            requireNonNull(condition, "condition is null");
        }

        public static TableWrite always(String table) {
            return new TableWrite(table, "", false);
        }

        public static TableWrite mayBeEmpty(String table) {
            return new TableWrite(table, "", true);
        }

        public static TableWrite when(String condition, String table) {
            return new TableWrite(table, condition, true);
        }
    }
}
