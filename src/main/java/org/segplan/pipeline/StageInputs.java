package org.segplan.pipeline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.Errors;
import org.segplan.io.TableStore;

/**
 * The tables a stage declared it reads, for the run date, checked once before the stage starts: required ones have
 * rows (or the stage failed naming the command that writes them), optional ones are present or not. The frames
 * carry no run_date or run_id (a stage works on one date's rows), except the ledger's, whose run id is data.
 */
public final class StageInputs {
    private static final String ORDER_LINES = ValidatedTables.of(TransactionsTable.NAME);
    private final Map<String, Dataset<Row>> tables;
    private final Map<String, Boolean> optionalReads;
    private final TableStore store;
    private final LocalDate runDate;
    private final boolean orderLines;

    private StageInputs(Map<String, Dataset<Row>> tables, Map<String, Boolean> optionalReads, TableStore store,
            LocalDate runDate, boolean orderLines) {
        this.tables = tables;
        this.optionalReads = optionalReads;
        this.store = store;
        this.runDate = runDate;
        this.orderLines = orderLines;
    }

    /**
     * Checks a stage's reads: required ones now, optional ones when first asked for (a gate that may read forty
     * tables should not pay forty emptiness checks up front). The result says why the stage is skipped instead, when
     * it needs order lines and the run has none.
     */
    static Result check(StageSpec spec, TableStore store, LocalDate runDate) {
        boolean orderLines = store.hasRows(ORDER_LINES, runDate);
        if (spec.needsOrderLines() && !orderLines) {
            return new Result(null, "skipped: needs transactions; run date " + runDate
                    + " has none (segplan.inputs.transactions is not provided)");
        }
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        Map<String, Boolean> optionalReads = new LinkedHashMap<>();
        for (StageSpec.TableRead read : spec.reads()) {
            if (!read.required()) {
                optionalReads.put(read.table(), null);
                continue;
            }
            boolean present = read.table().equals(ORDER_LINES) ? orderLines : store.hasRows(read.table(), runDate);
            if (!present) {
                throw Errors.missingStageInput(spec.name(), read.table(), runDate.toString(),
                        "segplan " + Stages.writerOf(read.table()));
            }
            tables.put(read.table(), rowsOf(store, read.table(), runDate));
        }
        return new Result(new StageInputs(tables, optionalReads, store, runDate, orderLines), null);
    }

    private static Dataset<Row> rowsOf(TableStore store, String table, LocalDate runDate) {
        Dataset<Row> rows = store.readRunDate(table, runDate);
        // The ledger's run id is its data (which attempt wrote a row); elsewhere it is only a stamp.
        return table.equals(PipelineRunsTable.NAME) ? rows : rows.drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
    }

    /** Inputs given directly, for tests of a stage's own logic. */
    public static StageInputs of(Map<String, Dataset<Row>> tables) {
        return new StageInputs(new LinkedHashMap<>(tables), Map.of(), null, null, tables.containsKey(ORDER_LINES));
    }

    /** A required read (declared in the spec). */
    public Dataset<Row> table(String table) {
        Dataset<Row> rows = tables.get(table);
        if (rows == null) {
            throw new IllegalStateException("table " + table + " was not declared as a required read or has no rows");
        }
        return rows;
    }

    /** An optional read: present when the run date has rows of it. */
    public synchronized Optional<Dataset<Row>> optional(String table) {
        if (optionalReads.containsKey(table) && optionalReads.get(table) == null) {
            boolean present = table.equals(ORDER_LINES) ? orderLines : store.hasRows(table, runDate);
            optionalReads.put(table, present);
            if (present) {
                tables.put(table, rowsOf(store, table, runDate));
            }
        }
        return Optional.ofNullable(tables.get(table));
    }

    /** Whether the run date has validated order lines (a customers-only run has none). */
    public boolean hasOrderLines() {
        return orderLines;
    }

    record Result(StageInputs inputs, String skippedBecause) {
    }
}
