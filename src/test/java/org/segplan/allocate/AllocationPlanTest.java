package org.segplan.allocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.contract.AllocationSummaryTable;
import org.segplan.contract.DcAllocationTable;
import org.segplan.contract.DcUtilizationTable;
import org.segplan.contract.SupplyRiskTable;
import org.segplan.contract.UnmetDemandTable;
import org.segplan.contract.ZoneSegmentDemandTable;
import org.segplan.error.SegplanException;
import org.segplan.testing.SharedSpark;

/**
 * The allocation's entry on {@link AllocationScenario}'s frames, no table store involved: with the service policy
 * and no default limit (feasible; the outputs are collected once), without the policy and an unreachable default
 * limit (infeasible for every segment), and with the policy and that default (infeasible for unsegmented demand
 * only).
 */
class AllocationPlanTest {
    static final Date FIRST_WEEK = Date.valueOf(AllocationScenario.PERIODS.get(0));

    static List<String> notes;
    static List<Row> zones;
    static List<Row> zoneDemand;
    static List<Row> allocation;
    static List<Row> unmet;
    static List<Row> utilization;
    static List<Row> summary;
    static List<Row> supplyRisk;
    static boolean candidateSites;
    static SegplanException infeasibleWithoutPolicy;
    static SegplanException infeasible;

    @BeforeAll
    static void computeThePlans() {
        SparkSession spark = SharedSpark.get();
        AllocationInputs inputs = AllocationScenario.inputs(spark);
        // Unsegmented demand has no policy and no default: unconstrained.
        try (AllocationResult plan = AllocationPlan.compute(inputs, AllocationScenario.settings(OptionalDouble.empty()),
                AllocationScenario.RUN_DATE)) {
            notes = plan.notes();
            zones = plan.demandZones().collectAsList();
            zoneDemand = plan.zoneSegmentDemand().collectAsList();
            allocation = plan.dcAllocation().collectAsList();
            unmet = plan.unmetDemand().collectAsList();
            utilization = plan.dcUtilization().collectAsList();
            summary = plan.allocationSummary().orderBy(AllocationSummaryTable.PERIOD_START).collectAsList();
            supplyRisk = plan.supplyRisk().collectAsList();
            candidateSites = plan.candidateSites().isPresent();
        }
        PlanSettings unreachable = AllocationScenario.settings(
                OptionalDouble.of(AllocationScenario.UNREACHABLE_DEFAULT_DAYS));
        // No service policy: the default limit applies to every segment, and Madrid cannot be served.
        infeasibleWithoutPolicy = assertThrows(SegplanException.class, () -> AllocationPlan.compute(
                AllocationScenario.withoutPolicy(inputs), unreachable, AllocationScenario.RUN_DATE));
        // With the policy, the default binds only unsegmented demand; Madrid's still fails.
        infeasible = assertThrows(SegplanException.class,
                () -> AllocationPlan.compute(inputs, unreachable, AllocationScenario.RUN_DATE));
    }

    @Test
    void withoutAPolicyTheDefaultLimitAppliesToEverySegment() {
        String message = infeasibleWithoutPolicy.getMessage();
        assertEquals("ALLOCATION_INFEASIBLE", infeasibleWithoutPolicy.code());
        assertTrue(message.contains("Madrid x segment 2") && message.contains("Madrid x segment unsegmented"), message);
    }

    @Test
    void premiumSegmentIsServedWithinItsLeadTime() {
        Map<String, Double> berlin = new HashMap<>();
        allocation.stream().filter(row -> "Berlin".equals(row.getAs(DcAllocationTable.ZONE_ID))
                        && Objects.equals(1, row.getAs(DcAllocationTable.SEGMENT_ID))
                        && FIRST_WEEK.equals(row.getAs(DcAllocationTable.PERIOD_START)))
                .forEach(row -> berlin.merge(row.getAs(DcAllocationTable.DC_ID), row.<Double>getAs(DcAllocationTable.UNITS),
                        Double::sum));
        assertEquals(Map.of("DC_B", 42.5), rounded(berlin));
        List<Row> premium = allocation.stream()
                .filter(row -> Objects.equals(1, row.getAs(DcAllocationTable.SEGMENT_ID))).toList();
        assertTrue(premium.size() >= 6);
        premium.forEach(row -> assertTrue(row.<Double>getAs(DcAllocationTable.LEAD_TIME_DAYS) <= 1.0, row.toString()));
        assertTrue(notes.stream().anyMatch(note -> note.contains("1:1d") && note.contains("2:5d")
                && note.contains("other segments none: unconstrained")), notes.toString());
    }

    @Test
    void zoneDemandFollowsHistoricalSharesAndFallsBackToCustomerShares() {
        Map<String, Double> demand = new HashMap<>();
        zoneDemand.stream().filter(row -> FIRST_WEEK.equals(row.getAs(ZoneSegmentDemandTable.PERIOD_START)))
                .forEach(row -> demand.put(row.getAs(ZoneSegmentDemandTable.ZONE_ID) + "/"
                        + row.getAs(ZoneSegmentDemandTable.SEGMENT_ID), row.getAs(ZoneSegmentDemandTable.DEMAND_UNITS)));
        // Segment 1 vehicles by history (Berlin 3 of 4 units) + spare parts (Berlin only): 22.5 + 20.
        assertEquals(42.5, demand.get("Berlin/1"), 1e-9);
        assertEquals(7.5, demand.get("Paris/1"), 1e-9);
        // Segment 2: vehicles by history (1, 2, 2 of 5), spare parts by customers (1, 2, 2 of 5: no history),
        // and the south-only forecast of 15 to Madrid.
        assertEquals(20, demand.get("Berlin/2"), 1e-9);
        assertEquals(40, demand.get("Paris/2"), 1e-9);
        assertEquals(55, demand.get("Madrid/2"), 1e-9);
        // Unsegmented vehicles by every customer's history: 5, 3 and 2 of 10.
        assertEquals(5, demand.get("Berlin/null"), 1e-9);
        assertEquals(2, demand.get("Madrid/null"), 1e-9);
        double total = zoneDemand.stream().mapToDouble(row -> row.getAs(ZoneSegmentDemandTable.DEMAND_UNITS)).sum();
        assertEquals(175 * 3.5, total, 1e-9);
        assertEquals(3, zones.size(), "the customer without a city has no zone");
        // Spare parts of segment 2 are the one key without history; every other key is spread by history.
        assertTrue(notes.contains("forecast keys (segment x category x region) spread over zones by "
                + "{history=5, segment customers=1}"), notes.toString());
    }

    @Test
    void allocatedPlusUnmetEqualsDemandAndNoCenterIsOverloaded() {
        Map<String, double[]> delivered = new HashMap<>();
        allocation.forEach(row -> {
            double[] cell = delivered.computeIfAbsent(cell(row, DcAllocationTable.ZONE_ID, DcAllocationTable.SEGMENT_ID,
                    DcAllocationTable.PERIOD_START), key -> new double[2]);
            cell[0] += row.<Double>getAs(DcAllocationTable.UNITS);
            cell[1] += row.<Double>getAs(DcAllocationTable.SHARE_OF_ZONE_DEMAND);
        });
        Map<String, Double> unmetUnits = new HashMap<>();
        unmet.forEach(row -> unmetUnits.merge(cell(row, UnmetDemandTable.ZONE_ID, UnmetDemandTable.SEGMENT_ID,
                UnmetDemandTable.PERIOD_START), row.<Double>getAs(UnmetDemandTable.UNMET_UNITS), Double::sum));
        assertEquals(8 * 3, zoneDemand.size(), "2 premium, 3 patient and 3 unsegmented zone demands per week");
        for (Row row : zoneDemand) {
            String cell = cell(row, ZoneSegmentDemandTable.ZONE_ID, ZoneSegmentDemandTable.SEGMENT_ID,
                    ZoneSegmentDemandTable.PERIOD_START);
            double[] served = delivered.getOrDefault(cell, new double[2]);
            assertEquals(row.<Double>getAs(ZoneSegmentDemandTable.DEMAND_UNITS),
                    served[0] + unmetUnits.getOrDefault(cell, 0.0), 1e-6, cell);
            assertEquals(1, served[1], 1e-6, "shares of a fully served cell add up to 1: " + cell);
        }
        assertEquals(2 * 3, utilization.size());
        utilization.forEach(row -> assertTrue(row.<Double>getAs(DcUtilizationTable.UTILIZATION) <= 1 + 1e-9,
                row.toString()));
        assertFalse(candidateSites, "no sites asked for");
    }

    @Test
    void summaryComparesWithGreedyWhichOverloadsBerlinInTheBusyWeek() {
        assertEquals(3, summary.size());
        for (Row row : summary) {
            assertEquals("GLOP", row.getAs(AllocationSummaryTable.SOLVER));
            assertEquals("OPTIMAL", row.getAs(AllocationSummaryTable.SOLVER_STATUS));
            assertEquals(0.0, row.<Double>getAs(AllocationSummaryTable.UNMET_UNITS), 1e-9);
            assertEquals(row.<Double>getAs(AllocationSummaryTable.GREEDY_COST)
                            - row.<Double>getAs(AllocationSummaryTable.OBJECTIVE),
                    row.<Double>getAs(AllocationSummaryTable.SAVINGS), 1e-9);
        }
        // Week 3: Berlin's demand (1.5 x (42.5 + 20 + 5) = 101.25) is nearest to DC_B, which holds 70.
        assertEquals(0, summary.get(0).<Integer>getAs(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES));
        assertEquals(1, summary.get(2).<Integer>getAs(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES));
        // The nearest center is also the fastest, so greedy never breaks a lead time the optimum can keep.
        assertEquals(0, summary.get(2).<Integer>getAs(AllocationSummaryTable.GREEDY_SERVICE_BREACHES));
        // Weeks 1 and 2: the optimum saves by serving Berlin's patient and unsegmented demand from cheap Paris.
        assertTrue(summary.get(0).<Double>getAs(AllocationSummaryTable.SAVINGS) > 0);
        assertTrue(notes.stream().anyMatch(note -> note.startsWith("3 zones (city), 24 zone x segment x period "
                + "demands over 3 periods") && note.contains("greedy capacity breaches 1") && note.endsWith("(GLOP)")),
                notes.toString());
    }

    @Test
    void supplyRiskMeasuresConcentrationAndDependency() {
        Map<Integer, Row> risk = new HashMap<>();
        supplyRisk.forEach(row -> risk.put(row.getAs(SupplyRiskTable.SEGMENT_ID), row));
        assertEquals(3, risk.size());
        Row premium = risk.get(1);
        // Segment 1 revenue: C1 210, C2 100, C4 100.
        double total = 410;
        double hhi = Math.pow(210 / total, 2) + 2 * Math.pow(100 / total, 2);
        assertEquals(hhi, premium.<Double>getAs(SupplyRiskTable.CUSTOMER_HHI), 1e-9);
        assertEquals(1.0, premium.<Double>getAs(SupplyRiskTable.TOP10_CUSTOMER_REVENUE_SHARE), 1e-9);
        // Each premium zone is served by the center in its own city: fully single-sourced.
        assertEquals(1.0, premium.<Double>getAs(SupplyRiskTable.SINGLE_CENTER_DEPENDENCY_SHARE), 1e-9);
        assertEquals("DC_B", premium.getAs(SupplyRiskTable.LARGEST_DC_ID));
        assertEquals(42.5 / 50, premium.<Double>getAs(SupplyRiskTable.LARGEST_DC_SHARE), 1e-9);
        // Segment 2 demand by region: east 20, west 40, south 55 per week.
        double regions = (20 * 20 + 40 * 40 + 55 * 55) / (115.0 * 115.0);
        assertEquals(regions, risk.get(2).<Double>getAs(SupplyRiskTable.REGION_HHI), 1e-9);
        assertTrue(risk.get(null).<Double>getAs(SupplyRiskTable.WEEKLY_DEMAND_CV) > 0);
    }

    @Test
    void unreachableZoneIsDiagnosed() {
        assertEquals("ALLOCATION_INFEASIBLE", infeasible.code());
        String message = infeasible.getMessage();
        assertTrue(message.contains("service (maximum lead time)"), message);
        assertTrue(message.contains("Madrid x segment unsegmented"), message);
        assertFalse(message.contains("Madrid x segment 2"), "segment 2 now has its policy's 5 days: " + message);
        assertTrue(message.contains("max_lead_time_days to at least 2.6"), message);
        assertTrue(message.contains("in 3 period(s)"), message);
    }

    private static String cell(Row row, String zone, String segment, String period) {
        return row.getAs(zone) + "/" + row.getAs(segment) + "/" + row.getAs(period);
    }

    private static Map<String, Double> rounded(Map<String, Double> units) {
        Map<String, Double> result = new HashMap<>();
        units.forEach((key, value) -> result.put(key, Math.round(value * 1e6) / 1e6));
        return result;
    }
}
