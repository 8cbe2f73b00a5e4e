package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.AllocationSummaryTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DcAllocationTable;
import org.segplan.contract.DcUtilizationTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.DistributionCentersTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.SupplyRiskTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.UnmetDemandTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.contract.ZoneSegmentDemandTable;
import org.segplan.error.SegplanException;
import org.segplan.io.Lakehouse;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/**
 * The stage on a hand-made lakehouse: three cities, two centers (Berlin: small and dear; Paris: large and cheap),
 * two segments plus unsegmented demand, three weekly periods (the third 1.5 x the first). Run without a service
 * policy and an unreachable default limit (infeasible), with a policy (segment 1 within 1 day, which Paris cannot
 * reach Berlin in), with the policy and the unreachable default (infeasible for unsegmented demand only), and for
 * a date without a forecast. Few runs write tables: Delta commits dominate the test's time.
 */
class AllocateStageTest {
    static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    static final List<LocalDate> PERIODS = List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12),
            LocalDate.of(2026, 1, 19));
    static final double[] FACTORS = {1, 1, 1.5};

    @TempDir
    static Path folder;
    static Lakehouse lakehouse;
    static SegplanException infeasibleWithoutPolicy;
    static StageOutcome withPolicy;
    static SegplanException infeasible;
    static long allocationRowsBeforeInfeasible;
    static long allocationRowsAfterInfeasible;
    static SegplanException noForecast;

    @BeforeAll
    static void runTheStage() {
        SparkSession spark = SharedSpark.get();
        SegplanConfig config = config();
        RunContext context = TestRuns.context(config, RUN_DATE);
        lakehouse = context.lakehouse();
        writeInputs(spark, context);

        // No service policy yet: the default limit (0.6 days) applies to every segment, and Madrid (2.6 days from
        // the nearest center) cannot be served. Fails before writing anything.
        SegplanConfig unreachable = config("segplan.allocation.default-max-lead-time-days=0.6");
        infeasibleWithoutPolicy = assertThrows(SegplanException.class,
                () -> new AllocateStage().execute(TestRuns.context(unreachable, RUN_DATE)));

        lakehouse.replaceRunDate(SegmentServicePolicyTable.NAME, spark.createDataFrame(List.of(
                RowFactory.create(1, "urgent", "premium", 0.98, 1, "none", "test"),
                RowFactory.create(2, "patient", "standard", 0.9, 5, "weekly", "test")),
                SegmentServicePolicyTable.SCHEMA), context.run());
        // max_lead_time_days is whole days in the contract: 1 day < Paris -> Berlin (0.5 + 878 km / 500 = 2.26).
        // Unsegmented demand has no policy and no default: unconstrained.
        withPolicy = new AllocateStage().execute(context);

        allocationRowsBeforeInfeasible = lakehouse.countRunDate(DcAllocationTable.NAME, RUN_DATE);
        // With the policy, the 0.6-day default now binds only unsegmented demand; Madrid's still fails.
        infeasible = assertThrows(SegplanException.class,
                () -> new AllocateStage().execute(TestRuns.context(unreachable, RUN_DATE)));
        allocationRowsAfterInfeasible = lakehouse.countRunDate(DcAllocationTable.NAME, RUN_DATE);

        // A run date with order lines but no forecast: the stage says which command to run first. (Without
        // order lines at all, a customers-only run, it is skipped instead.)
        RunContext earlier = TestRuns.context(config, LocalDate.of(2025, 11, 30));
        lakehouse.replaceRunDate(ValidatedTables.of(TransactionsTable.NAME),
                lakehouse.readRunDate(ValidatedTables.of(TransactionsTable.NAME), RUN_DATE)
                        .drop(org.segplan.contract.OutputColumns.RUN_DATE, org.segplan.contract.OutputColumns.RUN_ID),
                earlier.run());
        noForecast = assertThrows(SegplanException.class, () -> new AllocateStage().execute(earlier));
    }

    private static SegplanConfig config(String... extra) {
        List<String> overrides = new ArrayList<>(List.of("segplan.allocation.transport-cost-per-unit-km=0.001"));
        overrides.addAll(List.of(extra));
        return TestRuns.config(folder.resolve("inputs"), folder.resolve("lakehouse"), overrides.toArray(String[]::new));
    }

    @Test
    void withoutAPolicyTheDefaultLimitAppliesToEverySegment() {
        String message = infeasibleWithoutPolicy.getMessage();
        assertEquals("ALLOCATION_INFEASIBLE", infeasibleWithoutPolicy.code());
        assertTrue(message.contains("Madrid x segment 2") && message.contains("Madrid x segment unsegmented"), message);
    }

    @Test
    void premiumSegmentIsServedWithinItsLeadTime() {
        assertEquals(Map.of("DC_B", 42.5), rounded(unitsByCenter("Berlin", 1, PERIODS.get(0))));
        List<Row> premium = lakehouse.readRunDate(DcAllocationTable.NAME, RUN_DATE)
                .where(col(DcAllocationTable.SEGMENT_ID).equalTo(1)).collectAsList();
        assertTrue(premium.size() >= 6);
        premium.forEach(row -> assertTrue(row.<Double>getAs(DcAllocationTable.LEAD_TIME_DAYS) <= 1.0,
                row.toString()));
        assertTrue(withPolicy.notes().stream().anyMatch(note -> note.contains("1:1d") && note.contains("2:5d")),
                withPolicy.notes().toString());
    }

    @Test
    void zoneDemandFollowsHistoricalSharesAndFallsBackToCustomerShares() {
        Map<String, Double> demand = new HashMap<>();
        lakehouse.readRunDate(ZoneSegmentDemandTable.NAME, RUN_DATE)
                .where(col(ZoneSegmentDemandTable.PERIOD_START).equalTo(Date.valueOf(PERIODS.get(0)))).collectAsList()
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
        double total = lakehouse.readRunDate(ZoneSegmentDemandTable.NAME, RUN_DATE)
                .agg(sum(ZoneSegmentDemandTable.DEMAND_UNITS)).head().getDouble(0);
        assertEquals(175 * 3.5, total, 1e-9);
        assertEquals(3, lakehouse.countRunDate(DemandZonesTable.NAME, RUN_DATE), "the customer without a city has no zone");
    }

    @Test
    void allocatedPlusUnmetEqualsDemandAndNoCenterIsOverloaded() {
        Dataset<Row> delivered = lakehouse.readRunDate(DcAllocationTable.NAME, RUN_DATE)
                .groupBy(DcAllocationTable.ZONE_ID, DcAllocationTable.SEGMENT_ID, DcAllocationTable.PERIOD_START)
                .agg(sum(DcAllocationTable.UNITS).as("delivered"), sum(DcAllocationTable.SHARE_OF_ZONE_DEMAND).as("share"));
        Dataset<Row> unmet = lakehouse.readRunDate(UnmetDemandTable.NAME, RUN_DATE)
                .select(col(UnmetDemandTable.ZONE_ID).as("unmet_zone"), col(UnmetDemandTable.SEGMENT_ID).as("unmet_segment"),
                        col(UnmetDemandTable.PERIOD_START).as("unmet_period"), col(UnmetDemandTable.UNMET_UNITS));
        Dataset<Row> demand = lakehouse.readRunDate(ZoneSegmentDemandTable.NAME, RUN_DATE);
        List<Row> cells = demand.join(delivered, demand.col(ZoneSegmentDemandTable.ZONE_ID).equalTo(delivered.col(DcAllocationTable.ZONE_ID))
                        .and(demand.col(ZoneSegmentDemandTable.SEGMENT_ID).eqNullSafe(delivered.col(DcAllocationTable.SEGMENT_ID)))
                        .and(demand.col(ZoneSegmentDemandTable.PERIOD_START).equalTo(delivered.col(DcAllocationTable.PERIOD_START))), "left")
                .join(unmet, demand.col(ZoneSegmentDemandTable.ZONE_ID).equalTo(col("unmet_zone"))
                        .and(demand.col(ZoneSegmentDemandTable.SEGMENT_ID).eqNullSafe(col("unmet_segment")))
                        .and(demand.col(ZoneSegmentDemandTable.PERIOD_START).equalTo(col("unmet_period"))), "left")
                .select(col(ZoneSegmentDemandTable.DEMAND_UNITS), col("delivered"), col(UnmetDemandTable.UNMET_UNITS), col("share"))
                .collectAsList();
        assertEquals(8 * 3, cells.size(), "2 premium, 3 patient and 3 unsegmented zone demands per week");
        for (Row cell : cells) {
            double delivered1 = cell.isNullAt(1) ? 0 : cell.getDouble(1);
            double unmet1 = cell.isNullAt(2) ? 0 : cell.getDouble(2);
            assertEquals(cell.getDouble(0), delivered1 + unmet1, 1e-6, cell.toString());
            assertEquals(1, cell.getDouble(3), 1e-6, "shares of a fully served cell add up to 1: " + cell);
        }
        List<Row> utilization = lakehouse.readRunDate(DcUtilizationTable.NAME, RUN_DATE).collectAsList();
        assertEquals(2 * 3, utilization.size());
        utilization.forEach(row -> assertTrue(row.<Double>getAs(DcUtilizationTable.UTILIZATION) <= 1 + 1e-9,
                row.toString()));
    }

    @Test
    void summaryComparesWithGreedyWhichOverloadsBerlinInTheBusyWeek() {
        List<Row> summary = lakehouse.readRunDate(AllocationSummaryTable.NAME, RUN_DATE)
                .orderBy(AllocationSummaryTable.PERIOD_START).collectAsList();
        assertEquals(3, summary.size());
        for (Row row : summary) {
            assertEquals("GLOP", row.getAs(AllocationSummaryTable.SOLVER));
            assertEquals("OPTIMAL", row.getAs(AllocationSummaryTable.SOLVER_STATUS));
            assertEquals(0.0, row.<Double>getAs(AllocationSummaryTable.UNMET_UNITS), 1e-9);
            assertEquals(row.<Double>getAs(AllocationSummaryTable.GREEDY_COST) - row.<Double>getAs(AllocationSummaryTable.OBJECTIVE),
                    row.<Double>getAs(AllocationSummaryTable.SAVINGS), 1e-9);
        }
        // Week 3: Berlin's demand (1.5 x (42.5 + 20 + 5) = 101.25) is nearest to DC_B, which holds 70.
        assertEquals(0, summary.get(0).<Integer>getAs(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES));
        assertEquals(1, summary.get(2).<Integer>getAs(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES));
        // The nearest center is also the fastest, so greedy never breaks a lead time the optimum can keep.
        assertEquals(0, summary.get(2).<Integer>getAs(AllocationSummaryTable.GREEDY_SERVICE_BREACHES));
        // Weeks 1 and 2: the optimum saves by serving Berlin's patient and unsegmented demand from cheap Paris.
        assertTrue(summary.get(0).<Double>getAs(AllocationSummaryTable.SAVINGS) > 0);
    }

    @Test
    void supplyRiskMeasuresConcentrationAndDependency() {
        Map<Integer, Row> risk = new HashMap<>();
        lakehouse.readRunDate(SupplyRiskTable.NAME, RUN_DATE).collectAsList()
                .forEach(row -> risk.put(row.getAs(SupplyRiskTable.SEGMENT_ID), row));
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
    void unreachableZoneIsDiagnosedAndWritesNothing() {
        assertEquals("ALLOCATION_INFEASIBLE", infeasible.code());
        String message = infeasible.getMessage();
        assertTrue(message.contains("service (maximum lead time)"), message);
        assertTrue(message.contains("Madrid x segment unsegmented"), message);
        assertTrue(!message.contains("Madrid x segment 2"), "segment 2 now has its policy's 5 days: " + message);
        assertTrue(message.contains("max_lead_time_days to at least 2.6"), message);
        assertTrue(message.contains("in 3 period(s)"), message);
        assertEquals(allocationRowsBeforeInfeasible, allocationRowsAfterInfeasible);
    }

    @Test
    void missingForecastSaysToRunTheForecastFirst() {
        assertEquals("MISSING_STAGE_INPUT", noForecast.code());
        assertTrue(noForecast.getMessage().contains("segplan forecast"), noForecast.getMessage());
    }

    private static Map<String, Double> unitsByCenter(String zone, int segment, LocalDate period) {
        Map<String, Double> units = new HashMap<>();
        lakehouse.readRunDate(DcAllocationTable.NAME, RUN_DATE)
                .where(col(DcAllocationTable.ZONE_ID).equalTo(zone).and(col(DcAllocationTable.SEGMENT_ID).equalTo(segment))
                        .and(col(DcAllocationTable.PERIOD_START).equalTo(Date.valueOf(period))))
                .collectAsList().forEach(row -> units.merge(row.getAs(DcAllocationTable.DC_ID),
                        row.<Double>getAs(DcAllocationTable.UNITS), Double::sum));
        return units;
    }

    private static Map<String, Double> rounded(Map<String, Double> units) {
        Map<String, Double> result = new HashMap<>();
        units.forEach((key, value) -> result.put(key, Math.round(value * 1e6) / 1e6));
        return result;
    }

    private static void writeInputs(SparkSession spark, RunContext context) {
        StructType customers = new StructType().add(CustomersTable.CUSTOMER_ID, DataTypes.StringType)
                .add(CustomersTable.CITY, DataTypes.StringType).add(CustomersTable.REGION, DataTypes.StringType)
                .add(CustomersTable.LATITUDE, DataTypes.DoubleType).add(CustomersTable.LONGITUDE, DataTypes.DoubleType);
        lakehouse.replaceRunDate(ValidatedTables.of(CustomersTable.NAME), spark.createDataFrame(List.of(
                RowFactory.create("C1", "Berlin", "east", 52.52, 13.40),
                RowFactory.create("C2", "Berlin", "east", 52.50, 13.42),
                RowFactory.create("C3", "Berlin", "east", 52.54, 13.38),
                RowFactory.create("C10", "Berlin", "east", 52.52, 13.40),
                RowFactory.create("C4", "Paris", "west", 48.86, 2.35),
                RowFactory.create("C5", "Paris", "west", 48.84, 2.37),
                RowFactory.create("C6", "Paris", "west", 48.88, 2.33),
                RowFactory.create("C7", "Madrid", "south", 40.42, -3.70),
                RowFactory.create("C8", "Madrid", "south", 40.40, -3.72),
                RowFactory.create("C9", null, "south", null, null)), customers), context.run());
        StructType segments = new StructType().add(CustomerSegmentsTable.CUSTOMER_ID, DataTypes.StringType)
                .add(CustomerSegmentsTable.SEGMENT_ID, DataTypes.IntegerType);
        List<Row> segmentRows = new ArrayList<>();
        Map.of("C1", 1, "C2", 1, "C4", 1, "C3", 2, "C5", 2, "C6", 2, "C7", 2, "C8", 2, "C9", 2)
                .forEach((customer, segment) -> segmentRows.add(RowFactory.create(customer, segment)));
        lakehouse.replaceRunDate(CustomerSegmentsTable.NAME, spark.createDataFrame(segmentRows, segments), context.run());
        StructType products = new StructType().add(ProductsTable.PRODUCT_ID, DataTypes.StringType)
                .add(ProductsTable.CATEGORY, DataTypes.StringType);
        lakehouse.replaceRunDate(ValidatedTables.of(ProductsTable.NAME), spark.createDataFrame(List.of(
                RowFactory.create("P1", "vehicle"), RowFactory.create("P2", "spare_part")), products), context.run());
        StructType transactions = new StructType().add(TransactionsTable.CUSTOMER_ID, DataTypes.StringType)
                .add(TransactionsTable.PRODUCT_ID, DataTypes.StringType).add(TransactionsTable.QUANTITY, DataTypes.DoubleType)
                .add(TransactionsTable.UNIT_PRICE, DataTypes.DoubleType)
                .add(TransactionsTable.ORDER_TIMESTAMP, DataTypes.TimestampType)
                .add(TransactionsTable.IS_RETURN, DataTypes.BooleanType);
        lakehouse.replaceRunDate(ValidatedTables.of(TransactionsTable.NAME), spark.createDataFrame(List.of(
                line("C1", "P1", 2, 100, "2025-11-03", false), line("C2", "P1", 1, 100, "2025-11-10", false),
                line("C4", "P1", 1, 100, "2025-11-17", false), line("C1", "P2", 1, 10, "2025-11-24", false),
                line("C4", "P1", 5, 100, "2025-11-24", true),
                line("C3", "P1", 1, 100, "2025-11-03", false), line("C5", "P1", 2, 100, "2025-11-03", false),
                line("C7", "P1", 1, 100, "2025-11-10", false), line("C8", "P1", 1, 100, "2025-11-24", false),
                line("C10", "P1", 1, 100, "2025-11-17", false)), transactions), context.run());
        StructType centers = new StructType().add(DistributionCentersTable.DC_ID, DataTypes.StringType)
                .add(DistributionCentersTable.LATITUDE, DataTypes.DoubleType)
                .add(DistributionCentersTable.LONGITUDE, DataTypes.DoubleType)
                .add(DistributionCentersTable.WEEKLY_CAPACITY_UNITS, DataTypes.DoubleType)
                .add(DistributionCentersTable.FIXED_COST, DataTypes.DoubleType)
                .add(DistributionCentersTable.HANDLING_COST_PER_UNIT, DataTypes.DoubleType);
        lakehouse.replaceRunDate(ValidatedTables.of(DistributionCentersTable.NAME), spark.createDataFrame(List.of(
                RowFactory.create("DC_B", 52.52, 13.40, 70.0, 1000.0, 2.0),
                RowFactory.create("DC_P", 48.86, 2.35, 200.0, 1000.0, 0.5)), centers), context.run());
        List<Row> forecast = new ArrayList<>();
        for (int step = 0; step < PERIODS.size(); step++) {
            double factor = FACTORS[step];
            Date start = Date.valueOf(PERIODS.get(step));
            for (Object[] key : new Object[][] {{1, "vehicle", "ALL", 30.0}, {1, "spare_part", "ALL", 20.0},
                    {2, "vehicle", "ALL", 60.0}, {2, "spare_part", "ALL", 40.0}, {2, "vehicle", "south", 15.0},
                    {null, "vehicle", "ALL", 10.0}}) {
                double units = (Double) key[3] * factor;
                forecast.add(RowFactory.create(key[0], key[1], key[2], start, step + 1, units, units * 0.8, units * 1.2,
                        units * 0.7, units * 1.3, units * 100, "test"));
            }
        }
        lakehouse.replaceRunDate(SegmentDemandForecastTable.NAME,
                spark.createDataFrame(forecast, SegmentDemandForecastTable.SCHEMA), context.run());
    }

    private static Row line(String customer, String product, double quantity, double price, String day, boolean isReturn) {
        return RowFactory.create(customer, product, quantity, price, Timestamp.valueOf(day + " 10:00:00"), isReturn);
    }
}
