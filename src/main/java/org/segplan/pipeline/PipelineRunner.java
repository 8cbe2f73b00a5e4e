package org.segplan.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.error.Failures;
import org.segplan.error.SegplanException;
import org.segplan.io.LedgerEntry;
import org.segplan.io.RunLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stages in order, records each in the run ledger (also when it fails), and prints a summary table.
 * A failing stage stops the run with the error it stands for ({@link Failures}); tables written by earlier stages
 * and earlier run dates stay as they were.
 */
public final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
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
            } catch (Exception | Error failure) {
                // Whatever its type (Spark's SparkException is checked but thrown undeclared): recorded, explained.
                throw recordFailure(stage, started, summary, failure);
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

    private SegplanException recordFailure(Stage stage, Instant started, RunSummary summary, Throwable failure) {
        double seconds = secondsSince(started);
        SegplanException explained = Failures.explain(stage.name(), failure);
        LOG.debug("Stage {} failed", stage.name(), failure);
        try {
            ledger.record(context.run(), List.of(new LedgerEntry(stage.name(), "*", PipelineRunsTable.FAILED,
                    null, null, null, null, started, seconds, explained.getMessage())));
        } catch (Exception | Error ledgerFailure) {
            explained.addSuppressed(ledgerFailure);
            LOG.warn("The run ledger could not record the failure of stage {}", stage.name(), ledgerFailure);
        }
        summary.addFailure(stage.name(), seconds, explained.getMessage());
        out.print(summary.render());
        return explained;
    }

    private static double secondsSince(Instant started) {
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }
}
