package org.segplan.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.config.InputSpec;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.QualityChecksTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.Errors;
import org.segplan.pipeline.StageSpec.TableRead;
import org.segplan.pipeline.StageSpec.TableWrite;
import org.segplan.quality.gate.CheckResult;
import org.segplan.quality.gate.GateInputs;
import org.segplan.quality.gate.GateSettings;
import org.segplan.quality.gate.QualityGate;

/**
 * The quality gate, last stage of a run: checks the run date's tables and ledger, writes {@code quality_checks},
 * and fails when an error-level check failed (warnings are only recorded). What it reads and what it expects to
 * have rows come from the specs of the stages before it.
 */
public final class QualityGateStage implements Stage {
    public static final String NAME = "check";

    private final List<StageSpec> before;
    private final StageSpec spec;

    /** @param before the specs of every stage of {@code segplan run} before the gate, in order */
    QualityGateStage(List<StageSpec> before) {
        this.before = List.copyOf(before);
        Set<String> read = new LinkedHashSet<>();
        before.forEach(stage -> read.addAll(stage.writtenTables()));
        read.add(PipelineRunsTable.NAME);
        this.spec = new StageSpec(NAME, "Quality gate: check the run date's tables and pipeline_runs, write"
                + " quality_checks; fails when an error-level check fails.",
                read.stream().map(TableRead::optional).toList(), List.of(TableWrite.always(QualityChecksTable.NAME)),
                false);
    }

    @Override
    public StageSpec spec() {
        return spec;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        Dataset<Row> ledger = inputs.optional(PipelineRunsTable.NAME)
                .orElseGet(() -> context.spark().createDataFrame(List.of(), PipelineRunsTable.SCHEMA));
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        Map<String, List<String>> stageOutputs = new LinkedHashMap<>();
        for (StageSpec stage : before) {
            // Empty tables count too: the gate reports "0 rows", not "absent", for a table that exists.
            stage.writtenTables().stream().filter(context.tables()::exists).forEach(table -> tables.put(table,
                    context.tables().readRunDate(table, context.run().runDate())));
            stageOutputs.put(stage.name(), stage.tablesWithRowsEveryRun());
        }
        GateInputs gateInputs = new GateInputs(context.run().runDate(),
                before.stream().map(StageSpec::name).toList(), ledger, tables);
        List<CheckResult> results = QualityGate.evaluate(QualityGate.checks(settings(context.config(), stageOutputs)),
                gateInputs);
        context.tables().replaceRunDate(QualityChecksTable.NAME, QualityGate.toRows(context.spark(), results),
                context.run());

        List<CheckResult> errors = QualityGate.failedErrors(results);
        List<CheckResult> warnings = QualityGate.failedWarnings(results);
        if (!errors.isEmpty()) {
            throw Errors.qualityGateFailed(context.run().runDate().toString(), results.size(),
                    errors.stream().map(CheckResult::describe).toList());
        }
        List<String> notes = new ArrayList<>();
        notes.add(results.size() + " checks passed or warned; " + warnings.size() + " warning(s)");
        warnings.forEach(warning -> notes.add("warning " + warning.describe()));
        long written = context.tables().countRunDate(QualityChecksTable.NAME, context.run().runDate());
        return new StageOutcome(List.of(TableCounts.output(QualityChecksTable.NAME, results.size(), written)), notes);
    }

    private static GateSettings settings(SegplanConfig config, Map<String, List<String>> stageOutputs) {
        List<String> requiredInputs = config.inputs().values().stream().filter(InputSpec::required)
                .map(input -> ValidatedTables.of(input.table())).toList();
        return new GateSettings(config.segmentation().fixedK().orElse(config.segmentation().kMin()),
                config.segmentation().fixedK().orElse(config.segmentation().kMax()),
                config.validation().maxQuarantineShare(), config.qualityGate().quarantineWarningShare(),
                config.qualityGate().minimumSegmentShare(), requiredInputs, stageOutputs);
    }
}
