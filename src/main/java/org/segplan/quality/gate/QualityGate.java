package org.segplan.quality.gate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.segplan.config.InputSpec;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.FeatureDictionaryTable;
import org.segplan.contract.ModelSelectionTable;
import org.segplan.contract.QualityChecksTable;
import org.segplan.contract.SegmentCentroidsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.ValidatedTables;

/** The checks of {@code segplan check}, in the order they are reported; a new check is one more list entry. */
public final class QualityGate {
    /** Tables the stages write for every run date (segment_migrations only exists from the second run date on). */
    public static final List<String> STAGE_OUTPUTS = List.of(
            CustomerFeaturesTable.NAME,
            FeatureDictionaryTable.NAME,
            CustomerSegmentsTable.NAME,
            SegmentProfilesTable.NAME,
            ModelSelectionTable.NAME,
            SegmentCentroidsTable.NAME);

    private QualityGate() {
    }

    public static List<QualityCheck> checks(SegplanConfig config) {
        int kMin = config.segmentation().fixedK().orElse(config.segmentation().kMin());
        int kMax = config.segmentation().fixedK().orElse(config.segmentation().kMax());
        return List.of(
                new StagesSucceeded(),
                new InputsReconcile(),
                new QuarantineShare(config.validation().maxQuarantineShare(),
                        config.qualityGate().quarantineWarningShare()),
                new CustomersCovered(CustomerFeaturesTable.NAME),
                new CustomersCovered(CustomerSegmentsTable.NAME),
                new SegmentShares(kMin, kMax, config.qualityGate().minimumSegmentShare()),
                new TablesNotEmpty(requiredTables(config)));
    }

    /** The validated table of every required input, then every stage output. */
    static List<String> requiredTables(SegplanConfig config) {
        List<String> tables = new ArrayList<>();
        for (InputSpec input : config.inputs().values()) {
            if (input.required()) {
                tables.add(ValidatedTables.of(input.table()));
            }
        }
        tables.addAll(STAGE_OUTPUTS);
        return tables;
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
