package org.segplan.quality.gate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.segplan.contract.PipelineRunsTable;

/**
 * Every stage before the gate ran for the run date, and its latest attempt succeeded (or was skipped on purpose,
 * e.g. forecasting in a customers-only run).
 */
public final class StagesSucceeded implements QualityCheck {
    public static final String NAME = "stage_succeeded";

    @Override
    public List<CheckResult> evaluate(GateInputs inputs) {
        List<CheckResult> results = new ArrayList<>();
        for (String stage : inputs.expectedStages()) {
            List<Row> attempt = LedgerAttempts.latest(inputs.ledger(), stage);
            if (attempt.isEmpty()) {
                results.add(CheckResult.fail(NAME, stage, CheckLevel.ERROR, null, PipelineRunsTable.SUCCEEDED,
                        "stage " + stage + " has no entry in pipeline_runs for " + inputs.runDate()
                                + ": run 'segplan " + stage + " --run-date " + inputs.runDate() + "'"));
                continue;
            }
            List<Row> failed = attempt.stream()
                    .filter(row -> !PipelineRunsTable.SUCCEEDED.equals(row.getAs(PipelineRunsTable.STATUS))
                            && !PipelineRunsTable.SKIPPED.equals(row.getAs(PipelineRunsTable.STATUS))).toList();
            String runId = attempt.get(0).getAs("run_id");
            if (failed.isEmpty()) {
                results.add(CheckResult.pass(NAME, stage, CheckLevel.ERROR, (double) attempt.size(),
                        PipelineRunsTable.SUCCEEDED, "latest attempt (run " + runId + ") succeeded for "
                                + attempt.size() + " table(s)"));
            } else {
                results.add(CheckResult.fail(NAME, stage, CheckLevel.ERROR, (double) failed.size(),
                        PipelineRunsTable.SUCCEEDED, "latest attempt (run " + runId + ") failed: "
                                + failed.get(0).getAs(PipelineRunsTable.MESSAGE)));
            }
        }
        return results;
    }
}
