package org.segplan.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyCoverageTable;
import org.segplan.error.SegplanException;
import org.segplan.testing.SharedSpark;
import scala.collection.JavaConverters;

class ServicePoliciesTest {
    private static final ServicePolicySettings SETTINGS = new ServicePolicySettings(List.of(
            new ServicePolicy("premium", 0.98, 2, Consolidation.NONE),
            new ServicePolicy("standard", 0.95, 5, Consolidation.DAILY),
            new ServicePolicy("economy", 0.90, 10, Consolidation.WEEKLY),
            new ServicePolicy("made-to-order", 0.85, 30, Consolidation.MADE_TO_ORDER)), List.of(
            new PolicyAssignment("premium", "urgent_order_share > 0.5"),
            // Segment 2 is also price-sensitive, but the rule above matches it first.
            new PolicyAssignment("economy", "price_sensitivity >= 0.65"),
            new PolicyAssignment("made-to-order", "revenue_share > 0.5 AND customers < 100")), "standard");

    private static Row profile(int id, long customers, double customerShare, double revenueShare,
            Map<String, Double> means) {
        scala.collection.Map<String, Double> map = JavaConverters.mapAsScalaMap(new TreeMap<>(means));
        return RowFactory.create(id, "segment " + id, customers, customerShare, revenueShare, "", map, map);
    }

    static Dataset<Row> profiles() {
        return SharedSpark.get().createDataFrame(List.of(
                profile(1, 500, 0.5, 0.1, Map.of("urgent_order_share", 0.1, "price_sensitivity", 0.8)),
                profile(2, 300, 0.3, 0.1, Map.of("urgent_order_share", 0.9, "price_sensitivity", 0.7)),
                profile(3, 50, 0.05, 0.7, Map.of("urgent_order_share", 0.0, "price_sensitivity", 0.3)),
                profile(4, 150, 0.15, 0.1, Map.of("urgent_order_share", 0.2, "price_sensitivity", 0.3))),
                SegmentProfilesTable.SCHEMA);
    }

    @Test
    void everySegmentGetsTheFirstMatchingPolicyElseTheDefault() {
        Dataset<Row> assigned = ServicePolicies.assign(ServicePolicies.profileColumns(profiles()), SETTINGS);
        assertEquals(List.of(SegmentServicePolicyTable.SCHEMA.fieldNames()), List.of(assigned.columns()));
        Map<Integer, String> policies = new TreeMap<>();
        assigned.collectAsList().forEach(row -> policies.put(row.getInt(0),
                row.getAs(SegmentServicePolicyTable.POLICY_NAME) + " " + row.getAs(SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS)
                        + " " + row.getAs(SegmentServicePolicyTable.CONSOLIDATION) + " | "
                        + row.getAs(SegmentServicePolicyTable.MATCHED_RULE)));
        assertEquals(Map.of(
                1, "economy 10 weekly | rule 2: price_sensitivity >= 0.65",
                2, "premium 2 none | rule 1: urgent_order_share > 0.5",
                3, "made-to-order 30 made-to-order | rule 3: revenue_share > 0.5 AND customers < 100",
                4, "standard 5 daily | " + ServicePolicies.DEFAULT_RULE), policies);
        assertEquals(0.98, assigned.where("segment_id = 2").head()
                .<Double>getAs(SegmentServicePolicyTable.TARGET_SERVICE_LEVEL), 1e-12);
    }

    @Test
    void coverageListsEveryCataloguePolicyWithItsSegmentsAndCustomers() {
        Dataset<Row> assigned = ServicePolicies.assign(ServicePolicies.profileColumns(profiles()), SETTINGS);
        Map<String, String> coverage = new TreeMap<>();
        ServicePolicies.coverage(assigned, profiles(), SETTINGS).collectAsList().forEach(row -> coverage.put(
                row.getAs(ServicePolicyCoverageTable.POLICY_NAME),
                row.getAs(ServicePolicyCoverageTable.SEGMENTS) + " " + row.getList(5) + " "
                        + row.getAs(ServicePolicyCoverageTable.CUSTOMERS)));
        assertEquals(Map.of("premium", "1 [2] 300", "standard", "1 [4] 150", "economy", "1 [1] 500",
                "made-to-order", "1 [3] 50"), coverage);
        ServicePolicySettings twoOnly = new ServicePolicySettings(SETTINGS.catalogue(),
                List.of(new PolicyAssignment("economy", "customers >= 300")), "standard");
        Map<String, String> merged = new TreeMap<>();
        ServicePolicies.coverage(ServicePolicies.assign(ServicePolicies.profileColumns(profiles()), twoOnly), profiles(),
                twoOnly).collectAsList().forEach(row -> merged.put(row.getAs(ServicePolicyCoverageTable.POLICY_NAME),
                row.getList(5) + " " + row.getAs(ServicePolicyCoverageTable.CUSTOMERS)));
        assertEquals(Map.of("premium", "[] 0", "standard", "[3, 4] 200", "economy", "[1, 2] 800",
                "made-to-order", "[] 0"), merged);
    }

    @Test
    void anAssignmentNamingAMissingProfileColumnIsAClearError() {
        ServicePolicySettings typo = new ServicePolicySettings(SETTINGS.catalogue(),
                List.of(new PolicyAssignment("premium", "urgent_share > 0.5")), "standard");
        SegplanException error = assertThrows(SegplanException.class,
                () -> ServicePolicies.assign(ServicePolicies.profileColumns(profiles()), typo));
        assertEquals("RULE_UNKNOWN_COLUMN", error.code());
        assertTrue(error.getMessage().contains("Service-policy assignment 1 (policy 'premium')"), error.getMessage());
        assertTrue(error.getMessage().contains("'urgent_share'"), error.getMessage());
        assertTrue(error.getMessage().contains("urgent_order_share") && error.getMessage().contains("revenue_share"),
                error.getMessage());
    }

    @Test
    void deliveryTermsAreBucketedAndCounted() {
        StructType schema = new StructType().add("quantity", DataTypes.DoubleType)
                .add("requested_lead_time_days", DataTypes.IntegerType).add("channel", DataTypes.StringType)
                .add("is_return", DataTypes.BooleanType);
        Dataset<Row> lines = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create(1.0, 0, "App", false), RowFactory.create(1.0, 1, "app", false),
                RowFactory.create(2.0, 2, "app", false), RowFactory.create(3.0, 5, "online", false),
                RowFactory.create(10.0, 9, "online", false), RowFactory.create(20.0, 30, "Dealer", false),
                RowFactory.create(9.0, null, null, false), RowFactory.create(50.0, 0, "app", true)), schema);
        DeliveryTerms.SizeTertiles tertiles = DeliveryTerms.tertiles(lines);
        // Seven purchase lines (the return is left out): units 1, 1, 2, 3, 9, 10, 20.
        assertEquals(2.0, tertiles.smallMaxUnits());
        assertEquals(9.0, tertiles.mediumMaxUnits());
        List<String> terms = DeliveryTerms.terms(lines, tertiles).collectAsList().stream()
                .map(row -> row.getString(0) + "/" + row.getString(1) + "/" + row.getString(2)).sorted().toList();
        assertEquals(List.of("0-1/app/small", "0-1/app/small", "15+/dealer/large", "2-3/app/small",
                "4-7/online/medium", "8-14/online/large", "unknown/unknown/medium"), terms);
        assertEquals(6, DeliveryTerms.distinctCombinations(DeliveryTerms.terms(lines, tertiles)));
    }
}
