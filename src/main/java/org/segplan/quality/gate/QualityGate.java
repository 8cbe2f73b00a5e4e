package org.segplan.quality.gate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.QualityChecksTable;

/** The checks of {@code segplan check}, in the order they are reported; a new check is one more list entry. */
public final class QualityGate {
    private QualityGate() {
    }

    public static List<QualityCheck> checks(GateSettings settings) {
        return List.of(
                new StagesSucceeded(),
                new InputsReconcile(),
                new QuarantineShare(settings.maxQuarantineShare(), settings.quarantineWarningShare()),
                new CustomersCovered(CustomerFeaturesTable.NAME),
                new CustomersCovered(CustomerSegmentsTable.NAME),
                new SegmentShares(settings.kMin(), settings.kMax(), settings.minimumSegmentShare()),
                new TablesNotEmpty(settings.requiredTables(), settings.stageOutputs()));
    }

    public static List<CheckResult> evaluate(List<QualityCheck> checks, GateInputs inputs) {
        List<CheckResult> results = new ArrayList<>();
        for (QualityCheck check : checks) {
            results.addAll(check.evaluate(inputs));
        }
        return results;
    }

    public static List<CheckResult> failedErrors(List<CheckResult> results) {
        return results.stream().filter(CheckResult::failedError).toList();
    }

    public static List<CheckResult> failedWarnings(List<CheckResult> results) {
        return results.stream().filter(result -> !result.passed() && result.level() == CheckLevel.WARNING).toList();
    }

    public static Dataset<Row> toRows(SparkSession spark, List<CheckResult> results) {
        List<Row> rows = results.stream().map(result -> RowFactory.create(result.check(), result.subject(),
                result.level().tableValue(), result.status(), result.observed(), result.expected(), result.message()))
                .toList();
        return spark.createDataFrame(rows, QualityChecksTable.SCHEMA);
    }
}
