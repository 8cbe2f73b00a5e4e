package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.ConfigLoader;
import org.segplan.config.SegplanConfig;
import org.segplan.config.ServicePolicy;
import org.segplan.contract.AbcXyzColumns;
import org.segplan.contract.CustomerAbcXyzTable;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.ProductAbcXyzTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyComplexityTable;
import org.segplan.contract.ServicePolicyCoverageTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.generate.GeneratorSettings;
import org.segplan.generate.OutputFormat;
import org.segplan.generate.SyntheticDataGenerator;
import org.segplan.io.GeneratedDataWriter;
import org.segplan.io.Lakehouse;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/** ingest, features, segment and classify on a small generated set, with the rule sets of conf/local.conf. */
class ClassifyStageTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);

    @TempDir
    static Path folder;
    static SegplanConfig config;
    static Lakehouse lakehouse;
    static StageOutcome outcome;
    static long customers;

    @BeforeAll
    static void runStages() {
        Path inputs = folder.resolve("inputs");
        new GeneratedDataWriter().write(SyntheticDataGenerator.generate(SharedSpark.get(),
                new GeneratorSettings(150, 7, LocalDate.of(2024, 1, 1), RUN_DATE, 0.0)), inputs.toString(),
                OutputFormat.CSV);
        config = ConfigLoader.load(Optional.of(Path.of("conf", "local.conf")), List.of(
                "segplan.lakehouse.root=" + folder.resolve("lakehouse").toAbsolutePath(),
                "segplan.inputs.customers.path=" + inputs.resolve("customers.csv").toAbsolutePath(),
                "segplan.inputs.products.path=" + inputs.resolve("products.csv").toAbsolutePath(),
                "segplan.inputs.distribution-centers.path=" + inputs.resolve("distribution_centers.csv").toAbsolutePath(),
                "segplan.inputs.calendar.path=" + inputs.resolve("calendar.csv").toAbsolutePath(),
                "segplan.inputs.transactions.path=" + inputs.resolve("transactions.csv.gz").toAbsolutePath(),
                "segplan.segmentation.k=5"));
        RunContext context = TestRuns.context(config, RUN_DATE);
        lakehouse = context.lakehouse();
        for (Stage stage : List.of(Stages.ingest(), Stages.features(), Stages.segment())) {
            stage.execute(context);
        }
        outcome = Stages.classify().execute(context);
        customers = lakehouse.countRunDate(ValidatedTables.of("customers"), RUN_DATE);
    }

    @Test
    void everyCustomerHasExactlyOneRuleSegmentPerRuleSet() {
        int ruleSets = config.classify().ruleSets().size();
        assertEquals(8, ruleSets);
        Dataset<Row> assigned = lakehouse.readRunDate(CustomerRuleSegmentsTable.NAME, RUN_DATE);
        assertEquals(customers * ruleSets, assigned.count());
        Row perCustomer = assigned.groupBy(CustomerRuleSegmentsTable.CUSTOMER_ID)
                .agg(countDistinct(CustomerRuleSegmentsTable.RULE_SET).as("sets"))
                .agg(org.apache.spark.sql.functions.min("sets"), max("sets"), org.apache.spark.sql.functions.count("sets"))
                .head();
        assertEquals(ruleSets, perCustomer.getLong(0));
        assertEquals(ruleSets, perCustomer.getLong(1));
        assertEquals(customers, perCustomer.getLong(2));
        // Each recorded rule text belongs to the segment it names.
        Set<String> configured = config.classify().ruleSets().stream()
                .flatMap(ruleSet -> ruleSet.rules().stream().map(rule -> ruleSet.name() + "|" + rule.segment() + "|" + rule.when()))
                .collect(Collectors.toSet());
        for (Row row : assigned.select(CustomerRuleSegmentsTable.RULE_SET, CustomerRuleSegmentsTable.RULE_SEGMENT,
                CustomerRuleSegmentsTable.MATCHED_RULE).distinct().collectAsList()) {
            String key = row.getString(0) + "|" + row.getString(1) + "|" + row.getString(2);
            assertTrue(row.getString(2).equals(CustomerRuleSegmentsTable.OTHERWISE) || configured.contains(key), key);
        }
    }

    @Test
    void crosstabAddsUpToEveryCustomerInEachRuleSet() {
        Dataset<Row> crosstab = lakehouse.readRunDate(SegmentRuleCrosstabTable.NAME, RUN_DATE);
        List<Row> totals = crosstab.groupBy(SegmentRuleCrosstabTable.RULE_SET)
                .agg(sum(SegmentRuleCrosstabTable.CUSTOMERS)).collectAsList();
        assertEquals(8, totals.size());
        totals.forEach(row -> assertEquals(customers, row.getLong(1), row.getString(0)));
        crosstab.groupBy(SegmentRuleCrosstabTable.RULE_SET, SegmentRuleCrosstabTable.RULE_SEGMENT)
                .agg(sum(SegmentRuleCrosstabTable.SHARE_OF_RULE_SEGMENT)).collectAsList()
                .forEach(row -> assertEquals(1.0, row.getDouble(2), 1e-9, row.toString()));
        crosstab.groupBy(SegmentRuleCrosstabTable.RULE_SET, SegmentRuleCrosstabTable.SEGMENT_ID)
                .agg(sum(SegmentRuleCrosstabTable.SHARE_OF_SEGMENT)).collectAsList()
                .forEach(row -> assertEquals(1.0, row.getDouble(2), 1e-9, row.toString()));
    }

    @Test
    void everySegmentHasExactlyOnePolicyFromTheCatalogue() {
        Dataset<Row> policies = lakehouse.readRunDate(SegmentServicePolicyTable.NAME, RUN_DATE);
        long segments = lakehouse.readRunDate(CustomerSegmentsTable.NAME, RUN_DATE)
                .select(CustomerSegmentsTable.SEGMENT_ID).distinct().count();
        assertEquals(5, segments);
        assertEquals(segments, policies.count());
        assertEquals(segments, policies.select(SegmentServicePolicyTable.SEGMENT_ID).distinct().count());
        Set<String> catalogue = config.classify().servicePolicies().catalogue().stream().map(ServicePolicy::name)
                .collect(Collectors.toSet());
        List<Row> rows = policies.collectAsList();
        rows.forEach(row -> assertTrue(catalogue.contains(row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME))));
        long used = rows.stream().map(row -> row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME)).distinct().count();

        Row complexity = lakehouse.readRunDate(ServicePolicyComplexityTable.NAME, RUN_DATE).head();
        assertEquals((int) used, (int) complexity.<Integer>getAs(ServicePolicyComplexityTable.POLICIES_USED));
        long combinations = complexity.getAs(ServicePolicyComplexityTable.DELIVERY_TERM_COMBINATIONS_REQUESTED);
        assertTrue(combinations > used, combinations + " combinations");
        assertEquals((double) combinations / used, complexity.<Double>getAs(ServicePolicyComplexityTable.REDUCTION_FACTOR),
                1e-9);

        Dataset<Row> coverage = lakehouse.readRunDate(ServicePolicyCoverageTable.NAME, RUN_DATE);
        assertEquals(catalogue.size(), coverage.count());
        Row covered = coverage.agg(sum(ServicePolicyCoverageTable.SEGMENTS), sum(ServicePolicyCoverageTable.CUSTOMERS)).head();
        assertEquals(segments, covered.getLong(0));
        assertEquals(customers, covered.getLong(1));
    }

    @Test
    void abcXyzClassifiesEveryCustomerAndProduct() {
        Dataset<Row> byCustomer = lakehouse.readRunDate(CustomerAbcXyzTable.NAME, RUN_DATE);
        assertEquals(customers, byCustomer.count());
        assertEquals(lakehouse.countRunDate(ValidatedTables.of("products"), RUN_DATE),
                lakehouse.countRunDate(ProductAbcXyzTable.NAME, RUN_DATE));
        Row aShare = byCustomer.where(col(AbcXyzColumns.ABC_CLASS).equalTo("A"))
                .agg(sum(AbcXyzColumns.VALUE_SHARE), max(AbcXyzColumns.CUMULATIVE_VALUE_SHARE)).head();
        assertTrue(aShare.getDouble(0) >= 0.8, "A customers hold at least a-cutoff of the value: " + aShare);
        assertEquals(0, byCustomer.where(col(AbcXyzColumns.HAS_DEMAND).equalTo(false)
                .and(col(AbcXyzColumns.XYZ_CLASS).notEqual("Z"))).count());
        assertEquals(Set.of("A", "B", "C"), byCustomer.select(AbcXyzColumns.ABC_CLASS).distinct().collectAsList().stream()
                .map(row -> row.getString(0)).collect(Collectors.toSet()));
    }

    @Test
    void theOutcomeCountsEveryTableAndSummarizesIt() {
        assertEquals(List.of(CustomerRuleSegmentsTable.NAME, SegmentRuleCrosstabTable.NAME, CustomerAbcXyzTable.NAME,
                ProductAbcXyzTable.NAME, SegmentServicePolicyTable.NAME, ServicePolicyCoverageTable.NAME,
                ServicePolicyComplexityTable.NAME), outcome.tables().stream().map(TableCounts::table).toList());
        assertEquals(customers * 8, outcome.tables().get(0).rowsOut());
        assertEquals(customers, outcome.tables().get(2).rowsOut());
        assertEquals(5, outcome.notes().stream().filter(note -> note.matches("segment \\d+ \\(.*\\) -> .*")).count(),
                outcome.notes().toString());
        assertTrue(outcome.notes().stream().anyMatch(note -> note.startsWith("service policies: ")));
        assertTrue(outcome.notes().stream().anyMatch(note -> note.startsWith("ABC/XYZ over 52 full weeks")));
        assertEquals(8, outcome.notes().stream().filter(note -> note.startsWith("rule set ")).count());
    }
}
