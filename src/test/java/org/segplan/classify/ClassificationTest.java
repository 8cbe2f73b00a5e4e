package org.segplan.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.contract.AbcXyzColumns;
import org.segplan.contract.CustomerAbcXyzTable;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.ProductAbcXyzTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyComplexityTable;
import org.segplan.contract.ServicePolicyCoverageTable;
import org.segplan.error.SegplanException;
import org.segplan.policy.PolicyAssignment;
import org.segplan.policy.ServicePolicy;
import org.segplan.policy.ServicePolicySettings;

/** The classification entry on small frames with the eight rule sets of conf/local.conf. */
class ClassificationTest {
    private static final long CUSTOMERS = ClassifyFrames.CUSTOMERS;
    static ClassifySettings settings;
    static ClassificationResult result;

    @BeforeAll
    static void classify() {
        settings = ClassifyFrames.localSettings();
        result = Classification.compute(ClassifyFrames.inputs(), settings, ClassifyFrames.RUN_DATE);
    }

    @AfterAll
    static void release() {
        result.close();
    }

    @Test
    void everyCustomerHasExactlyOneRuleSegmentPerRuleSet() {
        int ruleSets = settings.ruleSets().size();
        assertEquals(8, ruleSets);
        Dataset<Row> assigned = result.ruleSegments();
        assertEquals(CUSTOMERS * ruleSets, assigned.count());
        Row perCustomer = assigned.groupBy(CustomerRuleSegmentsTable.CUSTOMER_ID)
                .agg(countDistinct(CustomerRuleSegmentsTable.RULE_SET).as("sets"))
                .agg(min("sets"), max("sets"), org.apache.spark.sql.functions.count("sets")).head();
        assertEquals(ruleSets, perCustomer.getLong(0));
        assertEquals(ruleSets, perCustomer.getLong(1));
        assertEquals(CUSTOMERS, perCustomer.getLong(2));
        // Each recorded rule text belongs to the segment it names.
        Set<String> configured = settings.ruleSets().stream()
                .flatMap(ruleSet -> ruleSet.rules().stream()
                        .map(rule -> ruleSet.name() + "|" + rule.segment() + "|" + rule.when()))
                .collect(Collectors.toSet());
        List<Row> matched = assigned.select(CustomerRuleSegmentsTable.RULE_SET, CustomerRuleSegmentsTable.RULE_SEGMENT,
                CustomerRuleSegmentsTable.MATCHED_RULE).distinct().collectAsList();
        for (Row row : matched) {
            String key = row.getString(0) + "|" + row.getString(1) + "|" + row.getString(2);
            assertTrue(row.getString(2).equals(CustomerRuleSegmentsTable.OTHERWISE) || configured.contains(key), key);
        }
        // The frames reach rules beyond the first and the otherwise of several rule sets.
        assertTrue(matched.size() > 2 * ruleSets, matched.toString());
    }

    @Test
    void crosstabAddsUpToEveryCustomerInEachRuleSet() {
        Dataset<Row> crosstab = result.crosstab();
        List<Row> totals = crosstab.groupBy(SegmentRuleCrosstabTable.RULE_SET)
                .agg(sum(SegmentRuleCrosstabTable.CUSTOMERS)).collectAsList();
        assertEquals(8, totals.size());
        totals.forEach(row -> assertEquals(CUSTOMERS, row.getLong(1), row.getString(0)));
        crosstab.groupBy(SegmentRuleCrosstabTable.RULE_SET, SegmentRuleCrosstabTable.RULE_SEGMENT)
                .agg(sum(SegmentRuleCrosstabTable.SHARE_OF_RULE_SEGMENT)).collectAsList()
                .forEach(row -> assertEquals(1.0, row.getDouble(2), 1e-9, row.toString()));
        crosstab.groupBy(SegmentRuleCrosstabTable.RULE_SET, SegmentRuleCrosstabTable.SEGMENT_ID)
                .agg(sum(SegmentRuleCrosstabTable.SHARE_OF_SEGMENT)).collectAsList()
                .forEach(row -> assertEquals(1.0, row.getDouble(2), 1e-9, row.toString()));
    }

    @Test
    void everySegmentHasExactlyOnePolicyFromTheCatalogue() {
        Dataset<Row> policies = result.servicePlan().segmentPolicies();
        long segments = ClassifyFrames.segments().select(SegmentServicePolicyTable.SEGMENT_ID).distinct().count();
        assertEquals(ClassifyFrames.SEGMENTS, segments);
        assertEquals(segments, policies.count());
        assertEquals(segments, policies.select(SegmentServicePolicyTable.SEGMENT_ID).distinct().count());
        Set<String> catalogue = settings.servicePolicies().catalogue().stream().map(ServicePolicy::name)
                .collect(Collectors.toSet());
        List<Row> rows = policies.orderBy(SegmentServicePolicyTable.SEGMENT_ID).collectAsList();
        rows.forEach(row -> assertTrue(catalogue.contains(row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME))));
        assertEquals(List.of("premium-fast-response", "economy-consolidated", "standard"), rows.stream()
                .map(row -> row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME)).toList());
        long used = rows.stream().map(row -> row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME)).distinct().count();

        Row complexity = result.servicePlan().complexity().head();
        assertEquals((int) used, (int) complexity.<Integer>getAs(ServicePolicyComplexityTable.POLICIES_USED));
        long combinations = complexity.getAs(ServicePolicyComplexityTable.DELIVERY_TERM_COMBINATIONS_REQUESTED);
        assertTrue(combinations > used, combinations + " combinations");
        assertEquals((double) combinations / used,
                complexity.<Double>getAs(ServicePolicyComplexityTable.REDUCTION_FACTOR), 1e-9);

        Dataset<Row> coverage = result.servicePlan().coverage();
        assertEquals(catalogue.size(), coverage.count());
        Row covered = coverage.agg(sum(ServicePolicyCoverageTable.SEGMENTS), sum(ServicePolicyCoverageTable.CUSTOMERS))
                .head();
        assertEquals(segments, covered.getLong(0));
        assertEquals(CUSTOMERS, covered.getLong(1));
    }

    @Test
    void abcXyzClassifiesEveryCustomerAndProduct() {
        Dataset<Row> byCustomer = result.customerAbcXyz();
        assertEquals(CUSTOMERS, byCustomer.count());
        assertEquals(ClassifyFrames.PRODUCTS, result.productAbcXyz().count());
        Row aShare = byCustomer.where(col(AbcXyzColumns.ABC_CLASS).equalTo("A"))
                .agg(sum(AbcXyzColumns.VALUE_SHARE), max(AbcXyzColumns.CUMULATIVE_VALUE_SHARE)).head();
        assertTrue(aShare.getDouble(0) >= 0.8, "A customers hold at least a-cutoff of the value: " + aShare);
        assertEquals(0, byCustomer.where(col(AbcXyzColumns.HAS_DEMAND).equalTo(false)
                .and(col(AbcXyzColumns.XYZ_CLASS).notEqual("Z"))).count());
        assertEquals(6, byCustomer.where(col(AbcXyzColumns.HAS_DEMAND).equalTo(false)).count());
        assertEquals(Set.of("A", "B", "C"), byCustomer.select(AbcXyzColumns.ABC_CLASS).distinct().collectAsList()
                .stream().map(row -> row.getString(0)).collect(Collectors.toSet()));
        assertEquals(List.of("c01"), byCustomer.where(col(AbcXyzColumns.ABC_CLASS).equalTo("A"))
                .select(CustomerAbcXyzTable.CUSTOMER_ID).collectAsList().stream().map(row -> row.getString(0)).toList());
        assertEquals(400.0, byCustomer.where(col(CustomerAbcXyzTable.CUSTOMER_ID).equalTo("c02"))
                .head().<Double>getAs(AbcXyzColumns.NET_VALUE), 1e-9);
    }

    @Test
    void theCountsFollowTheWriteOrderAndTheNotesSummarizeEveryPart() {
        assertEquals(List.of(CustomerRuleSegmentsTable.NAME, SegmentRuleCrosstabTable.NAME, CustomerAbcXyzTable.NAME,
                ProductAbcXyzTable.NAME, SegmentServicePolicyTable.NAME, ServicePolicyCoverageTable.NAME,
                ServicePolicyComplexityTable.NAME), result.counts().stream().map(ClassificationResult.Count::table)
                .toList());
        assertEquals(CUSTOMERS * 8, result.counts().get(0).rowsIn());
        assertEquals(CUSTOMERS * 8, result.counts().get(0).rowsOut());
        assertEquals(result.crosstab().count(), result.counts().get(1).rowsOut());
        assertEquals(CUSTOMERS, result.counts().get(2).rowsOut());
        assertEquals(ClassifyFrames.PRODUCTS, result.counts().get(3).rowsOut());
        assertEquals(List.of(3L, 4L, 1L), result.counts().subList(4, 7).stream()
                .map(ClassificationResult.Count::rowsOut).toList());
        List<String> notes = result.notes();
        assertEquals(ClassifyFrames.SEGMENTS, notes.stream().filter(note -> note.matches("segment \\d+ \\(.*\\) -> .*"))
                .count(), notes.toString());
        assertTrue(notes.contains("segment 3 (segment 3) -> standard: service level 0.95, at most 5 days, daily"
                + " (default-policy (no assignment rule matched))"), notes.toString());
        assertTrue(notes.stream().anyMatch(note -> note.startsWith("service policies: ")));
        // Every buyer orders about every other month: weekly demand is mostly zeros, so everyone is Z.
        assertTrue(notes.stream().anyMatch(note -> note.startsWith("ABC/XYZ over 52 full weeks 2024-12-30 to"
                + " 2025-12-28: customers X/Y/Z A 0/0/1, B 0/0/2, C 0/0/9; products X/Y/Z ")), notes.toString());
        assertEquals(8, notes.stream().filter(note -> note.startsWith("rule set ")).count());
        assertTrue(notes.contains("rule set geography: {rural=4, suburban=4, urban=4}"), notes.toString());
    }

    @Test
    void withoutOrderLinesEveryCustomerIsCAndZAndPoliciesStillApply() {
        try (ClassificationResult customersOnly = Classification.compute(new Classification.Inputs(
                ClassifyFrames.features(), ClassifyFrames.segments(), ClassifyFrames.profiles(), Optional.empty(),
                Optional.empty()), settings, ClassifyFrames.RUN_DATE)) {
            assertEquals(Set.of("CZ"), customersOnly.customerAbcXyz().select(AbcXyzColumns.ABC_XYZ).distinct()
                    .collectAsList().stream().map(row -> row.getString(0)).collect(Collectors.toSet()));
            assertEquals(0, customersOnly.productAbcXyz().count());
            assertEquals(ClassifyFrames.SEGMENTS, customersOnly.servicePlan().segmentPolicies().count());
            assertEquals(0L, customersOnly.servicePlan().complexity().head()
                    .<Long>getAs(ServicePolicyComplexityTable.DELIVERY_TERM_COMBINATIONS_REQUESTED));
        }
    }

    @Test
    void aTypoInAnyExpressionFailsBeforeAnyFrameIsReturned() {
        ClassifySettings typo = new ClassifySettings(settings.ruleSets(), settings.abcXyz(),
                new ServicePolicySettings(settings.servicePolicies().catalogue(),
                        List.of(new PolicyAssignment("standard", "urgent_share > 0.5")), "standard"));
        SegplanException error = assertThrows(SegplanException.class,
                () -> Classification.compute(ClassifyFrames.inputs(), typo, ClassifyFrames.RUN_DATE));
        assertEquals("RULE_UNKNOWN_COLUMN", error.code());
    }
}
