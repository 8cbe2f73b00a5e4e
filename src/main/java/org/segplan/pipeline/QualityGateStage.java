package org.segplan.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.InputTables;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.QualityChecksTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.TableContract;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.Errors;
import org.segplan.io.Lakehouse;
import org.segplan.quality.gate.CheckResult;
import org.segplan.quality.gate.GateInputs;
import org.segplan.quality.gate.QualityGate;

/**
 * The quality gate, last stage of a run: checks the run date's tables and ledger, writes {@code quality_checks},
 * and fails when an error-level check failed (warnings are only recorded).
 */
public final class QualityGateStage implements Stage {
    public static final String NAME = "check";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        Lakehouse lakehouse = context.lakehouse();
        Dataset<Row> ledger = lakehouse.exists(PipelineRunsTable.NAME)
                ? lakehouse.readRunDate(PipelineRunsTable.NAME, context.run().runDate())
                : context.spark().createDataFrame(List.of(), PipelineRunsTable.SCHEMA);
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        for (String table : tablesRead()) {
            if (lakehouse.exists(table)) {
                tables.put(table, lakehouse.readRunDate(table, context.run().runDate()));
            }
        }
        GateInputs inputs = new GateInputs(context.run().runDate(), stagesBeforeGate(), ledger, tables);
        List<CheckResult> results = QualityGate.evaluate(QualityGate.checks(context.config()), inputs);
        lakehouse.replaceRunDate(QualityChecksTable.NAME, QualityGate.toRows(context.spark(), results), context.run());

        List<CheckResult> errors = QualityGate.failedErrors(results);
        List<CheckResult> warnings = QualityGate.failedWarnings(results);
        if (!errors.isEmpty()) {
            throw Errors.qualityGateFailed(context.run().runDate().toString(), results.size(),
                    errors.stream().map(CheckResult::describe).toList());
        }
        List<String> notes = new ArrayList<>();
        notes.add(results.size() + " checks passed or warned; " + warnings.size() + " warning(s)");
        warnings.forEach(warning -> notes.add("warning " + warning.describe()));
        long written = lakehouse.countRunDate(QualityChecksTable.NAME, context.run().runDate());
        return new StageOutcome(List.of(TableCounts.output(QualityChecksTable.NAME, results.size(), written)), notes);
    }

    /** Every stage of {@code segplan run} before this one. */
    static List<String> stagesBeforeGate() {
        return Stages.all().stream().map(Stage::name).filter(name -> !NAME.equals(name)).toList();
    }

    private static Set<String> tablesRead() {
        Set<String> tables = new LinkedHashSet<>();
        for (TableContract input : InputTables.ALL) {
            tables.add(ValidatedTables.of(input.name()));
        }
        tables.add(QuarantineTable.NAME);
        tables.addAll(QualityGate.STAGE_OUTPUTS);
        return tables;
    }
}
