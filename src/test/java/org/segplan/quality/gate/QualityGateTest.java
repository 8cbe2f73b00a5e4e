package org.segplan.quality.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.QualityChecksTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.error.Errors;
import org.segplan.testing.SharedSpark;

/** Each check of the gate on small named frames: what passes, what fails, and at which level. */
class QualityGateTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static final Timestamp FIRST_TRY = Timestamp.valueOf("2026-01-01 01:00:00");
    private static final Timestamp RETRY = Timestamp.valueOf("2026-01-01 02:00:00");
    private static final StructType IDS = new StructType().add("customer_id", DataTypes.StringType);
    private static final StructType SEGMENTS = new StructType().add("customer_id", DataTypes.StringType)
            .add("segment_id", DataTypes.IntegerType);

    private static Row ledgerRow(String stage, String table, String status, Long rowsIn, Long accepted,
            Long quarantined, Timestamp startedAt) {
        return RowFactory.create("20251231-abc", Date.valueOf(RUN_DATE), stage, table, status, rowsIn, accepted,
                quarantined, accepted, startedAt, 1.0, "hash", "test", status.equals("FAILED") ? "it broke" : null);
    }

    private static Dataset<Row> frame(List<Row> rows, StructType schema) {
        return SharedSpark.get().createDataFrame(rows, schema);
    }

    private static Dataset<Row> ids(String... ids) {
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(RowFactory.create(id));
        }
        return frame(rows, IDS);
    }

    private static Dataset<Row> segments(int... segmentIds) {
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < segmentIds.length; index++) {
            rows.add(RowFactory.create("c" + index, segmentIds[index]));
        }
        return frame(rows, SEGMENTS);
    }

    private static Dataset<Row> quarantine(int rows) {
        List<Row> result = new ArrayList<>();
        for (int index = 0; index < rows; index++) {
            result.add(RowFactory.create("customers", "MISSING_ID", "customer_id is empty", "{}",
                    Date.valueOf(RUN_DATE), "20251231-abc"));
        }
        return frame(result, QuarantineTable.SCHEMA);
    }

    /** Ten customers read, eight accepted and two quarantined; features and segments for all eight. */
    private static Map<String, Dataset<Row>> healthyTables() {
        Map<String, Dataset<Row>> tables = new HashMap<>();
        String[] customers = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"};
        tables.put("validated_customers", ids(customers));
        tables.put("customer_features", ids(customers));
        tables.put("customer_segments", segments(1, 1, 1, 2, 2, 2, 3, 3));
        tables.put("quarantine", quarantine(2));
        return tables;
    }

    private static List<Row> healthyLedger() {
        return List.of(
                ledgerRow("ingest", "customers", "SUCCEEDED", 10L, 8L, 2L, FIRST_TRY),
                ledgerRow("features", "customer_features", "SUCCEEDED", 8L, 8L, 0L, FIRST_TRY),
                ledgerRow("segment", "customer_segments", "SUCCEEDED", 8L, 8L, 0L, FIRST_TRY));
    }

    private static GateInputs inputs(List<Row> ledger, Map<String, Dataset<Row>> tables) {
        return new GateInputs(RUN_DATE, List.of("ingest", "features", "segment"),
                frame(ledger, PipelineRunsTable.SCHEMA), tables);
    }

    private static CheckResult only(List<CheckResult> results, String check, String subject) {
        List<CheckResult> matching = results.stream()
                .filter(result -> result.check().equals(check) && result.subject().equals(subject)).toList();
        assertEquals(1, matching.size(), check + "[" + subject + "] in " + results);
        return matching.get(0);
    }

    @Test
    void aHealthyRunPassesEveryCheck() {
        List<QualityCheck> checks = List.of(new StagesSucceeded(), new InputsReconcile(), new QuarantineShare(0.25, 0.25),
                new CustomersCovered("customer_features"), new CustomersCovered("customer_segments"),
                new SegmentShares(2, 8, 0.1), new TablesNotEmpty(List.of("customer_features", "customer_segments")));
        List<CheckResult> results = QualityGate.evaluate(checks, inputs(healthyLedger(), healthyTables()));
        // 3 stages + 3 reconciliation + 2 quarantine + 2x2 coverage + 1 count + 3 segments + 2 tables
        assertEquals(18, results.size(), results.toString());
        assertTrue(results.stream().allMatch(CheckResult::passed), results.toString());
        assertEquals(3.0, only(results, SegmentShares.COUNT, "customer_segments").observed());
        assertEquals(0.2, only(results, QuarantineShare.LIMIT, "customers").observed(), 1e-12);
    }

    @Test
    void onlyTheLatestAttemptOfAStageCountsAndAMissingStageFails() {
        List<Row> retried = new ArrayList<>(healthyLedger());
        retried.add(ledgerRow("features", "*", "FAILED", null, null, null, Timestamp.valueOf("2026-01-01 00:30:00")));
        retried.add(ledgerRow("segment", "*", "FAILED", null, null, null, RETRY));
        List<CheckResult> results = new StagesSucceeded().evaluate(new GateInputs(RUN_DATE,
                List.of("ingest", "features", "segment", "forecast"), frame(retried, PipelineRunsTable.SCHEMA),
                Map.of()));
        assertTrue(only(results, StagesSucceeded.NAME, "ingest").passed());
        assertTrue(only(results, StagesSucceeded.NAME, "features").passed(), "a failure followed by a success");
        CheckResult segment = only(results, StagesSucceeded.NAME, "segment");
        assertFalse(segment.passed());
        assertTrue(segment.message().contains("it broke"), segment.message());
        CheckResult forecast = only(results, StagesSucceeded.NAME, "forecast");
        assertFalse(forecast.passed());
        assertNull(forecast.observed());
        assertEquals(CheckLevel.ERROR, forecast.level());
    }

    @Test
    void countsThatDoNotReconcileFail() {
        List<Row> ledger = List.of(ledgerRow("ingest", "customers", "SUCCEEDED", 11L, 8L, 2L, FIRST_TRY));
        Map<String, Dataset<Row>> tables = healthyTables();
        tables.put("validated_customers", ids("c0", "c1", "c2", "c3", "c4", "c5", "c6"));
        tables.put("quarantine", quarantine(3));
        List<CheckResult> results = new InputsReconcile().evaluate(inputs(ledger, tables));
        CheckResult ledgerCheck = only(results, InputsReconcile.LEDGER, "customers");
        assertFalse(ledgerCheck.passed());
        assertEquals(10.0, ledgerCheck.observed());
        assertEquals("11", ledgerCheck.expected());
        CheckResult accepted = only(results, InputsReconcile.ACCEPTED, "customers");
        assertFalse(accepted.passed());
        assertEquals(7.0, accepted.observed());
        CheckResult quarantined = only(results, InputsReconcile.QUARANTINED, "customers");
        assertFalse(quarantined.passed());
        assertEquals(3.0, quarantined.observed());
    }

    @Test
    void aQuarantineShareAboveTheWarningThresholdWarnsAndAboveTheLimitFails() {
        List<CheckResult> warned = new QuarantineShare(0.25, 0.05).evaluate(inputs(healthyLedger(), healthyTables()));
        assertTrue(only(warned, QuarantineShare.LIMIT, "customers").passed());
        CheckResult warning = only(warned, QuarantineShare.WARNING, "customers");
        assertFalse(warning.passed());
        assertEquals(CheckLevel.WARNING, warning.level());
        assertTrue(QualityGate.failedErrors(warned).isEmpty());
        assertEquals(1, QualityGate.failedWarnings(warned).size());

        List<CheckResult> failed = new QuarantineShare(0.15, 0.05).evaluate(inputs(healthyLedger(), healthyTables()));
        CheckResult limit = only(failed, QuarantineShare.LIMIT, "customers");
        assertFalse(limit.passed());
        assertEquals(CheckLevel.ERROR, limit.level());
        assertTrue(limit.message().contains("2 of 10 rows quarantined (20.00%)"), limit.message());
    }

    @Test
    void aCustomerWithoutASegmentOrWithTwoFails() {
        Map<String, Dataset<Row>> tables = healthyTables();
        tables.put("customer_segments", segments(1, 1, 1, 2, 2, 2, 3).union(segments(3)));
        List<CheckResult> results = new CustomersCovered("customer_segments").evaluate(inputs(healthyLedger(), tables));
        CheckResult covered = only(results, CustomersCovered.NAME, "customer_segments");
        assertFalse(covered.passed());
        assertEquals(1.0, covered.observed(), "c7 has no segment");
        CheckResult unique = only(results, CustomersCovered.UNIQUE, "customer_segments");
        assertFalse(unique.passed());
        assertEquals(1.0, unique.observed(), "c0 is in two rows");

        tables.remove("customer_features");
        CheckResult absent = only(new CustomersCovered("customer_features").evaluate(inputs(healthyLedger(), tables)),
                CustomersCovered.NAME, "customer_features");
        assertFalse(absent.passed());
        assertTrue(absent.message().contains("does not exist"), absent.message());
    }

    @Test
    void aTinySegmentWarnsAndASegmentCountOutsideTheRangeFails() {
        Map<String, Dataset<Row>> tables = healthyTables();
        tables.put("customer_segments", segments(1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4));
        List<CheckResult> results = new SegmentShares(2, 3, 0.1).evaluate(inputs(healthyLedger(), tables));
        CheckResult count = only(results, SegmentShares.COUNT, "customer_segments");
        assertFalse(count.passed());
        assertEquals(4.0, count.observed());
        assertEquals("2..3", count.expected());
        CheckResult tiny = only(results, SegmentShares.MINIMUM_SHARE, "segment 4");
        assertFalse(tiny.passed());
        assertEquals(CheckLevel.WARNING, tiny.level());
        assertEquals(1.0 / 12, tiny.observed(), 1e-12);
        assertTrue(only(results, SegmentShares.MINIMUM_SHARE, "segment 2").passed());
    }

    @Test
    void aMissingOrEmptyTableFailsAndTheGateErrorListsEveryFailedCheck() {
        Map<String, Dataset<Row>> tables = healthyTables();
        tables.put("customer_features", ids());
        List<CheckResult> results = new TablesNotEmpty(List.of("customer_features", "segment_profiles",
                "customer_segments")).evaluate(inputs(healthyLedger(), tables));
        assertFalse(only(results, TablesNotEmpty.NAME, "customer_features").passed());
        assertFalse(only(results, TablesNotEmpty.NAME, "segment_profiles").passed());
        assertEquals(8.0, only(results, TablesNotEmpty.NAME, "customer_segments").observed());

        List<String> failed = QualityGate.failedErrors(results).stream().map(CheckResult::describe).toList();
        String message = Errors.qualityGateFailed("2025-12-31", results.size(), failed).getMessage();
        assertTrue(message.contains("2 of 3 checks failed"), message);
        assertTrue(message.contains("table_not_empty[segment_profiles]: segment_profiles does not exist"), message);
        assertTrue(message.endsWith("[QUALITY_GATE_FAILED]"), message);

        List<Row> rows = QualityGate.toRows(SharedSpark.get(), results).orderBy(QualityChecksTable.SUBJECT).collectAsList();
        assertEquals(List.of("failed", "passed", "failed"), rows.stream()
                .map(row -> row.<String>getAs(QualityChecksTable.STATUS)).toList());
        assertEquals("error", rows.get(0).getAs(QualityChecksTable.LEVEL));
    }
}
