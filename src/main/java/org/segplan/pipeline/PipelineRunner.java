package org.segplan.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.error.SegplanException;
import org.segplan.io.LedgerEntry;
import org.segplan.io.RunLedger;

/**
 * Runs stages in order, records each in the run ledger (also when it fails), and prints a summary table.
 * A failing stage stops the run; tables written by earlier stages and earlier run dates stay as they were.
 */
public final class PipelineRunner {
    private final RunContext context;
    private final RunLedger ledger;
    private final PrintStream out;

    public PipelineRunner(RunContext context, PrintStream out) {
        this.context = context;
        this.ledger = new RunLedger(context.spark(), context.tables());
        this.out = out;
    }

    public RunSummary run(List<Stage> stages) {
        RunSummary summary = new RunSummary(context.run());
        out.printf("segplan run %s for run date %s: stages %s%n", context.run().runId(), context.run().runDate(),
                stages.stream().map(Stage::name).toList());
        for (Stage stage : stages) {
            Instant started = Instant.now();
            out.printf("[%s] started%n", stage.name());
            StageOutcome outcome;
            try {
                outcome = stage.execute(context);
            } catch (RuntimeException failure) {
                double seconds = secondsSince(started);
                String message = failure instanceof SegplanException ? failure.getMessage()
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
                ledger.record(context.run(), List.of(new LedgerEntry(stage.name(), "*", PipelineRunsTable.FAILED,
                        null, null, null, null, started, seconds, message)));
                summary.addFailure(stage.name(), seconds, message);
                out.print(summary.render());
                throw failure;
            }
            double seconds = secondsSince(started);
            if (outcome.isSkipped()) {
                String reason = outcome.skippedBecause().get();
                ledger.record(context.run(), List.of(new LedgerEntry(stage.name(), "*", PipelineRunsTable.SKIPPED,
                        null, null, null, null, started, seconds, reason)));
                summary.addSkipped(stage.name(), seconds, reason);
                out.printf("[%s] %s%n", stage.name(), reason);
                continue;
            }
            List<LedgerEntry> entries = new ArrayList<>();
            String notes = String.join("; ", outcome.notes());
            for (TableCounts counts : outcome.tables()) {
                entries.add(new LedgerEntry(stage.name(), counts.table(), PipelineRunsTable.SUCCEEDED,
                        counts.rowsIn(), counts.rowsAccepted(), counts.rowsQuarantined(), counts.rowsOut(),
                        started, seconds, notes.isEmpty() ? null : notes));
            }
            ledger.record(context.run(), entries);
            summary.addSuccess(stage.name(), seconds, outcome);
            out.printf("[%s] done in %.1f s%n", stage.name(), seconds);
        }
        out.print(summary.render());
        return summary;
    }

    private static double secondsSince(Instant started) {
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }
}
