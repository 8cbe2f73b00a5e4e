package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.contract.AbcXyzColumns;
import org.segplan.contract.CustomerAbcXyzTable;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.ProductAbcXyzTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyCoverageTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.FeatureDictionaryTable;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.InventoryTargetsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.ModelSelectionTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.SegmentMigrationsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.generate.GroundTruthTable;
import org.segplan.io.GeneratedDataWriter;
import org.segplan.io.TableStore;
import org.segplan.io.ModelStore;
import org.segplan.segment.AdjustedRandIndex;
import org.segplan.segment.SegmentIdentity;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.GoldenRun;
import org.segplan.testing.ReadsGoldenRun;

/**
 * The whole pipeline on generated CSV exports, twice for the same date and once for the next month, against real
 * Delta tables: the shared {@link GoldenRun}, read here for the run's wiring and its results end to end.
 */
@ReadsGoldenRun
class PipelineEndToEndTest {
    private static final LocalDate RUN_DATE = GoldenRun.RUN_DATE;
    private static final LocalDate NEXT_RUN_DATE = GoldenRun.NEXT_RUN_DATE;

    static TableStore lakehouse;
    static String summary;

    @BeforeAll
    static void theGoldenRun() {
        lakehouse = GoldenRun.get().lakehouse();
        summary = GoldenRun.get().firstSummary();
    }

    @Test
    void secondRunForTheSameDateLeavesTheSameTables() {
        Map<String, List<Row>> first = GoldenRun.get().firstRun();
        Map<String, List<Row>> second = GoldenRun.get().secondRun();
        // Every table a stage of the run declares (the ledger without its timings), not a hand-picked list.
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.keySet().containsAll(List.of(ValidatedTables.of("customers"), ValidatedTables.of("transactions"),
                QuarantineTable.NAME, CustomerFeaturesTable.NAME, FeatureDictionaryTable.NAME, CustomerSegmentsTable.NAME,
                ModelSelectionTable.NAME, SegmentDemandForecastTable.NAME, ForecastAccuracyTable.NAME,
                InventoryTargetsTable.NAME, PipelineRunsTable.NAME)), first.keySet().toString());
        // Only the tables a spec says may rightly be empty (no unmet demand, say) may have no rows.
        java.util.Set<String> mayBeEmpty = new java.util.HashSet<>();
        Stages.specs().forEach(spec -> spec.writes().stream().filter(StageSpec.TableWrite::mayBeEmpty)
                .forEach(write -> mayBeEmpty.add(write.table())));
        for (String table : first.keySet()) {
            if (!mayBeEmpty.contains(table)) {
                assertFalse(first.get(table).isEmpty(), table);
            }
            assertEquals(first.get(table), second.get(table), table);
        }
        assertFalse(first.get(org.segplan.contract.CustomerRuleSegmentsTable.NAME).isEmpty(),
                "conf/local.conf's rule sets classify the run's customers");
        assertEquals(2, lakehouse.read(CustomerSegmentsTable.NAME).select(OutputColumns.RUN_DATE).distinct().count());
    }

    @Test
    void classificationCoversTheRunsOwnCustomersSegmentsAndProducts() {
        // The classify invariants of ClassificationTest, on the pipeline's own upstream tables (read once, above).
        Map<String, List<Row>> run = GoldenRun.get().firstRun();
        long customers = run.get(CustomerSegmentsTable.NAME).size();
        long segments = run.get(CustomerSegmentsTable.NAME).stream()
                .map(row -> row.getAs(CustomerSegmentsTable.SEGMENT_ID)).distinct().count();
        Map<String, java.util.Set<String>> ruleSetsByCustomer = new TreeMap<>();
        run.get(CustomerRuleSegmentsTable.NAME).forEach(row -> ruleSetsByCustomer.computeIfAbsent(
                row.getAs(CustomerRuleSegmentsTable.CUSTOMER_ID), id -> new java.util.TreeSet<>())
                .add(row.getAs(CustomerRuleSegmentsTable.RULE_SET)));
        assertEquals(customers, ruleSetsByCustomer.size(), "every segmented customer has rule segments");
        assertEquals(java.util.Set.of(8), ruleSetsByCustomer.values().stream().map(java.util.Set::size)
                .collect(java.util.stream.Collectors.toSet()), "one rule segment per rule set of conf/local.conf");
        assertEquals(customers * 8, run.get(CustomerRuleSegmentsTable.NAME).size());

        Map<String, Long> crosstabTotals = new TreeMap<>();
        Map<String, Double> ruleSegmentShares = new TreeMap<>();
        Map<String, Double> segmentShares = new TreeMap<>();
        for (Row row : run.get(SegmentRuleCrosstabTable.NAME)) {
            String ruleSet = row.getAs(SegmentRuleCrosstabTable.RULE_SET);
            crosstabTotals.merge(ruleSet, number(row, SegmentRuleCrosstabTable.CUSTOMERS).longValue(), Long::sum);
            ruleSegmentShares.merge(ruleSet + "/" + row.getAs(SegmentRuleCrosstabTable.RULE_SEGMENT),
                    number(row, SegmentRuleCrosstabTable.SHARE_OF_RULE_SEGMENT).doubleValue(), Double::sum);
            segmentShares.merge(ruleSet + "/" + row.getAs(SegmentRuleCrosstabTable.SEGMENT_ID),
                    number(row, SegmentRuleCrosstabTable.SHARE_OF_SEGMENT).doubleValue(), Double::sum);
        }
        assertEquals(8, crosstabTotals.size());
        crosstabTotals.forEach((ruleSet, total) -> assertEquals(customers, total, ruleSet));
        ruleSegmentShares.forEach((key, share) -> assertEquals(1.0, share, 1e-9, key));
        segmentShares.forEach((key, share) -> assertEquals(1.0, share, 1e-9, key));

        List<Row> policies = run.get(SegmentServicePolicyTable.NAME);
        assertEquals(segments, policies.size());
        assertEquals(segments, policies.stream().map(row -> row.getAs(SegmentServicePolicyTable.SEGMENT_ID))
                .distinct().count());
        long coveredSegments = 0;
        long coveredCustomers = 0;
        for (Row row : run.get(ServicePolicyCoverageTable.NAME)) {
            coveredSegments += number(row, ServicePolicyCoverageTable.SEGMENTS).longValue();
            coveredCustomers += number(row, ServicePolicyCoverageTable.CUSTOMERS).longValue();
        }
        assertEquals(segments, coveredSegments);
        assertEquals(customers, coveredCustomers);

        List<Row> byCustomer = run.get(CustomerAbcXyzTable.NAME);
        assertEquals(customers, byCustomer.size());
        assertEquals(run.get(ValidatedTables.of("products")).size(), run.get(ProductAbcXyzTable.NAME).size());
        double aShare = byCustomer.stream().filter(row -> "A".equals(row.getAs(AbcXyzColumns.ABC_CLASS)))
                .mapToDouble(row -> number(row, AbcXyzColumns.VALUE_SHARE).doubleValue()).sum();
        assertTrue(aShare >= 0.8, "A customers hold at least the A cutoff of the value: " + aShare);
    }

    private static Number number(Row row, String column) {
        return row.getAs(column);
    }

    @Test
    void everyAcceptedCustomerHasFeaturesAndOneSegment() {
        long accepted = lakehouse.countRunDate(ValidatedTables.of("customers"), RUN_DATE);
        assertEquals(accepted, lakehouse.countRunDate(CustomerFeaturesTable.NAME, RUN_DATE));
        Dataset<Row> segments = lakehouse.readRunDate(CustomerSegmentsTable.NAME, RUN_DATE);
        assertEquals(accepted, segments.select(CustomerSegmentsTable.CUSTOMER_ID).distinct().count());
        assertEquals(accepted, segments.count());
        int k = segments.head().getAs(CustomerSegmentsTable.K);
        assertEquals(k, segments.select(CustomerSegmentsTable.SEGMENT_ID).distinct().count());
        // Segment 1 is the largest.
        Row largest = segments.groupBy(CustomerSegmentsTable.SEGMENT_ID).count().orderBy(col("count").desc()).head();
        assertEquals(1, largest.getInt(0));
    }

    @Test
    void modelSelectionScoresEveryCandidateAndChoosesTheBest() {
        List<Row> candidates = lakehouse.readRunDate(ModelSelectionTable.NAME, RUN_DATE).orderBy(ModelSelectionTable.K)
                .collectAsList();
        assertEquals(List.of(2, 3, 4, 5, 6), candidates.stream().map(row -> row.<Integer>getAs(ModelSelectionTable.K)).toList());
        Row chosen = candidates.stream().filter(row -> row.<Boolean>getAs(ModelSelectionTable.IS_CHOSEN)).findFirst()
                .orElseThrow();
        double best = candidates.stream().mapToDouble(row -> row.<Double>getAs(ModelSelectionTable.SCORE)).max().orElseThrow();
        assertEquals(best, chosen.<Double>getAs(ModelSelectionTable.SCORE));
        assertTrue(best > 0.2, "silhouette of the chosen k: " + best);
        assertTrue(Files.isDirectory(Path.of(new ModelStore(lakehouse).location("segmentation", RUN_DATE))));
    }

    @Test
    void segmentationRecoversThePlantedSegmentsAndTheirNumber() {
        Dataset<Row> truth = SharedSpark.get().read().option("header", "true")
                .csv(GoldenRun.get().inputs("inputs").resolve(GeneratedDataWriter.GROUND_TRUTH_FOLDER).toString());
        Dataset<Row> segments = lakehouse.readRunDate(CustomerSegmentsTable.NAME, RUN_DATE);
        double agreement = AdjustedRandIndex.of(segments.join(truth, CustomerSegmentsTable.CUSTOMER_ID),
                GroundTruthTable.TRUE_SEGMENT, CustomerSegmentsTable.SEGMENT_ID);
        assertTrue(agreement >= 0.9, "adjusted Rand index " + agreement);
        assertEquals(5, segments.head().<Integer>getAs(CustomerSegmentsTable.K));
    }

    /** The segment id most of each planted segment's customers got in one run. */
    private static Map<String, Integer> idOfEachPlantedSegment(LocalDate runDate, String inputs) {
        Dataset<Row> truth = SharedSpark.get().read().option("header", "true")
                .csv(GoldenRun.get().inputs(inputs).resolve(GeneratedDataWriter.GROUND_TRUTH_FOLDER).toString());
        Map<String, Integer> result = new TreeMap<>();
        Map<String, Long> largest = new TreeMap<>();
        lakehouse.readRunDate(CustomerSegmentsTable.NAME, runDate).join(truth, CustomerSegmentsTable.CUSTOMER_ID)
                .groupBy(GroundTruthTable.TRUE_SEGMENT, CustomerSegmentsTable.SEGMENT_ID).count().collectAsList()
                .forEach(row -> {
                    if (row.getLong(2) > largest.getOrDefault(row.getString(0), 0L)) {
                        largest.put(row.getString(0), row.getLong(2));
                        result.put(row.getString(0), row.getInt(1));
                    }
                });
        return result;
    }

    @Test
    void nextMonthsRunKeepsSegmentIdsAndCountsMigrationsConsistently() {
        Map<String, Integer> firstIds = idOfEachPlantedSegment(RUN_DATE, "inputs");
        assertEquals(5, firstIds.size());
        assertEquals(5, new java.util.HashSet<>(firstIds.values()).size(), "one id per planted segment: " + firstIds);
        assertEquals(firstIds, idOfEachPlantedSegment(NEXT_RUN_DATE, "inputs-next"),
                "each planted segment keeps its id in next month's run");
        Dataset<Row> before = lakehouse.readRunDate(CustomerSegmentsTable.NAME, RUN_DATE)
                .select(col(CustomerSegmentsTable.CUSTOMER_ID).as("id_before"),
                        col(CustomerSegmentsTable.SEGMENT_ID).as("before"));
        Dataset<Row> after = lakehouse.readRunDate(CustomerSegmentsTable.NAME, NEXT_RUN_DATE)
                .select(col(CustomerSegmentsTable.CUSTOMER_ID).as("id_after"),
                        col(CustomerSegmentsTable.SEGMENT_ID).as("after"));
        Dataset<Row> both = before.join(after, col("id_before").equalTo(col("id_after")), "full_outer");
        Dataset<Row> inBoth = both.where(col("id_before").isNotNull().and(col("id_after").isNotNull()));
        long stayed = inBoth.where(col("before").equalTo(col("after"))).count();
        assertTrue(stayed > 0.9 * inBoth.count(), stayed + " of " + inBoth.count() + " kept their segment id");
        Map<String, Long> migrations = new TreeMap<>();
        lakehouse.readRunDate(SegmentMigrationsTable.NAME, NEXT_RUN_DATE).collectAsList().forEach(row -> migrations.put(
                row.getAs(SegmentIdentity.FROM_SEGMENT_ID) + "->" + row.getAs(SegmentIdentity.TO_SEGMENT_ID),
                row.<Long>getAs(SegmentIdentity.CUSTOMERS)));
        Map<String, Long> expected = new TreeMap<>();
        both.groupBy("before", "after").count().collectAsList()
                .forEach(row -> expected.put(row.get(0) + "->" + row.get(1), row.getLong(2)));
        assertEquals(expected, migrations);
        assertEquals(both.count(), migrations.values().stream().mapToLong(Long::longValue).sum(),
                "every customer of either run is counted once");
        assertEquals(LocalDate.of(2025, 12, 31), lakehouse.readRunDate(SegmentMigrationsTable.NAME, NEXT_RUN_DATE).head()
                .<java.sql.Date>getAs(SegmentMigrationsTable.PREVIOUS_RUN_DATE).toLocalDate());
    }

    @Test
    void theLedgerReconcilesEveryInputAndRecordsEveryStage() {
        Dataset<Row> ledger = lakehouse.readRunDate(PipelineRunsTable.NAME, RUN_DATE);
        assertEquals(List.of("allocate", "check", "classify", "features", "forecast", "ingest", "segment"), ledger.select(PipelineRunsTable.STAGE).distinct()
                .orderBy(PipelineRunsTable.STAGE).collectAsList().stream().map(row -> row.getString(0)).toList());
        for (Row row : ledger.where(col(PipelineRunsTable.STAGE).equalTo("ingest")).collectAsList()) {
            long rowsIn = row.getAs(PipelineRunsTable.ROWS_IN);
            long accepted = row.getAs(PipelineRunsTable.ROWS_ACCEPTED);
            long quarantined = row.getAs(PipelineRunsTable.ROWS_QUARANTINED);
            assertEquals(rowsIn, accepted + quarantined);
        }
        assertEquals(19, ledger.count(), "5 inputs + features + segment + 7 classify tables + forecast + 3 allocate tables + check, upserted by the rerun");
        assertTrue(ledger.where(col(PipelineRunsTable.TABLE_NAME).equalTo("transactions")).head()
                .<Long>getAs(PipelineRunsTable.ROWS_QUARANTINED) > 0, "the generator plants bad lines");
    }

    @Test
    void everyDemandSeriesIsForecastThirteenWeeksAheadWithAnAccuracyRow() {
        Dataset<Row> accuracy = lakehouse.readRunDate(ForecastAccuracyTable.NAME, RUN_DATE)
                .where(col(ForecastAccuracyTable.LEVEL).equalTo(ForecastAccuracyTable.SERIES));
        long series = accuracy.count();
        assertTrue(series >= 5, series + " series");
        assertEquals(13 * series, lakehouse.countRunDate(SegmentDemandForecastTable.NAME, RUN_DATE));
        assertEquals(series, lakehouse.countRunDate(InventoryTargetsTable.NAME, RUN_DATE));
        assertEquals(0, lakehouse.readRunDate(SegmentDemandForecastTable.NAME, RUN_DATE)
                .where(col(SegmentDemandForecastTable.LOWER_95).gt(col(SegmentDemandForecastTable.FORECAST_UNITS))
                        .or(col(SegmentDemandForecastTable.FORECAST_UNITS).gt(col(SegmentDemandForecastTable.UPPER_95))))
                .count(), "bounds may be negative only for series whose net demand was negative (returns)");
    }

    @Test
    void theQualityGatePassesEveryErrorLevelCheckOfAHealthyRun() {
        Dataset<Row> checks = lakehouse.readRunDate(org.segplan.contract.QualityChecksTable.NAME, RUN_DATE);
        Dataset<Row> errors = checks.where(col(org.segplan.contract.QualityChecksTable.LEVEL).equalTo("error"));
        assertTrue(errors.count() >= 20, "checks: " + errors.count());
        assertEquals(0, errors.where(col(org.segplan.contract.QualityChecksTable.STATUS).equalTo("failed")).count(),
                () -> errors.where(col("status").equalTo("failed")).collectAsList().toString());
        assertEquals(7, checks.where(col(org.segplan.contract.QualityChecksTable.CHECK).equalTo("stage_succeeded")
                .or(col(org.segplan.contract.QualityChecksTable.CHECK).equalTo("segment_count_in_range"))).count());
    }

    @Test
    void theRunEndsWithASummaryTable() {
        assertTrue(summary.contains("Stages run: [ingest, features, segment, classify, forecast, allocate, check]"), summary);
        assertTrue(summary.contains("segment_demand_forecast"), summary);
        assertTrue(summary.contains("customer_segments"), summary);
        assertTrue(summary.contains("chosen by silhouette"), summary);
    }

    @Test
    void nextMonthsRunSucceedsInEveryStageBesideTheEarlierRunDate() {
        // Every stage again with the first run date's tables (and its segmentation model) already there.
        String next = GoldenRun.get().nextSummary();
        assertTrue(next.contains("Stages run: [ingest, features, segment, classify, forecast, allocate, check]"), next);
        List<Row> ledger = lakehouse.readRunDate(PipelineRunsTable.NAME, NEXT_RUN_DATE).collectAsList();
        assertEquals(java.util.Set.of("ingest", "features", "segment", "classify", "forecast", "allocate", "check"),
                ledger.stream().map(row -> row.<String>getAs(PipelineRunsTable.STAGE))
                        .collect(java.util.stream.Collectors.toSet()));
        assertTrue(ledger.stream().allMatch(row -> PipelineRunsTable.SUCCEEDED.equals(
                row.getAs(PipelineRunsTable.STATUS))), ledger.toString());
        assertTrue(lakehouse.countRunDate(org.segplan.contract.DcAllocationTable.NAME, NEXT_RUN_DATE) > 0);
    }
}
