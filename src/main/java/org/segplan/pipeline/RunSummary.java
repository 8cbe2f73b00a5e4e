package org.segplan.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.segplan.io.RunIdentity;

/** The table printed at the end of a run: one line per stage and table, then the notes. */
public final class RunSummary {
    private final RunIdentity run;
    private final List<String> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> stagesRun = new ArrayList<>();
    private final List<String> stagesSkipped = new ArrayList<>();
    private boolean failed;

    RunSummary(RunIdentity run) {
        this.run = run;
    }

    void addSuccess(String stage, double seconds, StageOutcome outcome) {
        stagesRun.add(stage);
        for (TableCounts counts : outcome.tables()) {
            lines.add(String.format("%-10s %-24s %-9s %12d %12d %12d %12d %9.1f", stage, counts.table(), "OK",
                    counts.rowsIn(), counts.rowsAccepted(), counts.rowsQuarantined(), counts.rowsOut(), seconds));
        }
        outcome.notes().forEach(note -> notes.add(stage + ": " + note));
    }

    void addSkipped(String stage, double seconds, String reason) {
        lines.add(String.format("%-10s %-24s %-9s %12s %12s %12s %12s %9.1f", stage, "*", "SKIPPED", "", "", "", "",
                seconds));
        stagesSkipped.add(stage);
        notes.add(stage + ": " + reason);
    }

    void addFailure(String stage, double seconds, String message) {
        failed = true;
        stagesRun.add(stage);
        lines.add(String.format("%-10s %-24s %-9s %12s %12s %12s %12s %9.1f", stage, "*", "FAILED", "", "", "", "",
                seconds));
        notes.add(stage + ": " + message);
    }

    public boolean failed() {
        return failed;
    }

    public List<String> stagesSkipped() {
        return List.copyOf(stagesSkipped);
    }

    public List<String> stagesRun() {
        return List.copyOf(stagesRun);
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nRun %s (run date %s, code %s)%n", run.runId(), run.runDate(), run.codeVersion()));
        text.append(String.format("%-10s %-24s %-9s %12s %12s %12s %12s %9s%n", "stage", "table", "status", "rows in",
                "accepted", "quarantined", "rows out", "seconds"));
        lines.forEach(line -> text.append(line).append(System.lineSeparator()));
        if (!notes.isEmpty()) {
            text.append("Notes:").append(System.lineSeparator());
            notes.forEach(note -> text.append("  - ").append(note).append(System.lineSeparator()));
        }
        text.append("Stages run: ").append(stagesRun).append(failed ? " (FAILED)" : "").append(System.lineSeparator());
        if (!stagesSkipped.isEmpty()) {
            text.append("Stages skipped: ").append(stagesSkipped).append(System.lineSeparator());
        }
        return text.toString();
    }
}
