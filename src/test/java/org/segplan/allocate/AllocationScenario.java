package org.segplan.allocate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.segplan.allocate.model.CostParameters;
import org.segplan.allocate.model.Sourcing;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DistributionCentersTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;

/**
 * Small named frames for allocation tests: three cities (Berlin and Paris with a center each, Madrid without), two
 * centers (Berlin: small and dear; Paris: large and cheap), two segments plus unsegmented demand, three weekly
 * periods (the third 1.5 x the first), and a service policy (segment 1 within 1 day, segment 2 within 5).
 */
public final class AllocationScenario {
    public static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    public static final List<LocalDate> PERIODS = List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12),
            LocalDate.of(2026, 1, 19));
    static final double[] FACTORS = {1, 1, 1.5};
    /** Madrid is 2.6 days from its nearest center: this default limit cannot be kept there. */
    public static final double UNREACHABLE_DEFAULT_DAYS = 0.6;

    private AllocationScenario() {
    }

    /** The settings of the tests: transport at 0.001 per unit and km, otherwise the configuration's defaults. */
    static PlanSettings settings(OptionalDouble defaultMaxLeadTimeDays) {
        return new PlanSettings(new CostParameters(0.001, 500, 0.5), OptionalDouble.empty(), Sourcing.SPLIT, 60,
                PlanSettings.NetworkDesign.none(), ZoneScheme.CITY, 1.0, defaultMaxLeadTimeDays);
    }

    static AllocationInputs inputs(SparkSession spark) {
        Map<String, Dataset<Row>> tables = tables(spark);
        return new AllocationInputs(tables.get(SegmentDemandForecastTable.NAME),
                tables.get(ValidatedTables.of(CustomersTable.NAME)), tables.get(ValidatedTables.of(TransactionsTable.NAME)),
                tables.get(ValidatedTables.of(ProductsTable.NAME)), tables.get(CustomerSegmentsTable.NAME),
                tables.get(ValidatedTables.of(DistributionCentersTable.NAME)),
                Optional.of(tables.get(SegmentServicePolicyTable.NAME)));
    }

    static AllocationInputs withoutPolicy(AllocationInputs inputs) {
        return new AllocationInputs(inputs.forecast(), inputs.customers(), inputs.transactions(), inputs.products(),
                inputs.segments(), inputs.centers(), Optional.empty());
    }

    /** The stage's input tables by name, the service policy included. */
    public static Map<String, Dataset<Row>> tables(SparkSession spark) {
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        StructType customers = new StructType().add(CustomersTable.CUSTOMER_ID, DataTypes.StringType)
                .add(CustomersTable.CITY, DataTypes.StringType).add(CustomersTable.REGION, DataTypes.StringType)
                .add(CustomersTable.LATITUDE, DataTypes.DoubleType).add(CustomersTable.LONGITUDE, DataTypes.DoubleType);
        tables.put(ValidatedTables.of(CustomersTable.NAME), spark.createDataFrame(List.of(
                RowFactory.create("C1", "Berlin", "east", 52.52, 13.40),
                RowFactory.create("C2", "Berlin", "east", 52.50, 13.42),
                RowFactory.create("C3", "Berlin", "east", 52.54, 13.38),
                RowFactory.create("C10", "Berlin", "east", 52.52, 13.40),
                RowFactory.create("C4", "Paris", "west", 48.86, 2.35),
                RowFactory.create("C5", "Paris", "west", 48.84, 2.37),
                RowFactory.create("C6", "Paris", "west", 48.88, 2.33),
                RowFactory.create("C7", "Madrid", "south", 40.42, -3.70),
                RowFactory.create("C8", "Madrid", "south", 40.40, -3.72),
                RowFactory.create("C9", null, "south", null, null)), customers));
        StructType segments = new StructType().add(CustomerSegmentsTable.CUSTOMER_ID, DataTypes.StringType)
                .add(CustomerSegmentsTable.SEGMENT_ID, DataTypes.IntegerType);
        List<Row> segmentRows = new ArrayList<>();
        Map.of("C1", 1, "C2", 1, "C4", 1, "C3", 2, "C5", 2, "C6", 2, "C7", 2, "C8", 2, "C9", 2)
                .forEach((customer, segment) -> segmentRows.add(RowFactory.create(customer, segment)));
        tables.put(CustomerSegmentsTable.NAME, spark.createDataFrame(segmentRows, segments));
        StructType products = new StructType().add(ProductsTable.PRODUCT_ID, DataTypes.StringType)
                .add(ProductsTable.CATEGORY, DataTypes.StringType);
        tables.put(ValidatedTables.of(ProductsTable.NAME), spark.createDataFrame(List.of(
                RowFactory.create("P1", "vehicle"), RowFactory.create("P2", "spare_part")), products));
        StructType transactions = new StructType().add(TransactionsTable.CUSTOMER_ID, DataTypes.StringType)
                .add(TransactionsTable.PRODUCT_ID, DataTypes.StringType).add(TransactionsTable.QUANTITY, DataTypes.DoubleType)
                .add(TransactionsTable.UNIT_PRICE, DataTypes.DoubleType)
                .add(TransactionsTable.ORDER_TIMESTAMP, DataTypes.TimestampType)
                .add(TransactionsTable.IS_RETURN, DataTypes.BooleanType);
        tables.put(ValidatedTables.of(TransactionsTable.NAME), spark.createDataFrame(List.of(
                line("C1", "P1", 2, 100, "2025-11-03", false), line("C2", "P1", 1, 100, "2025-11-10", false),
                line("C4", "P1", 1, 100, "2025-11-17", false), line("C1", "P2", 1, 10, "2025-11-24", false),
                line("C4", "P1", 5, 100, "2025-11-24", true),
                line("C3", "P1", 1, 100, "2025-11-03", false), line("C5", "P1", 2, 100, "2025-11-03", false),
                line("C7", "P1", 1, 100, "2025-11-10", false), line("C8", "P1", 1, 100, "2025-11-24", false),
                line("C10", "P1", 1, 100, "2025-11-17", false)), transactions));
        StructType centers = new StructType().add(DistributionCentersTable.DC_ID, DataTypes.StringType)
                .add(DistributionCentersTable.LATITUDE, DataTypes.DoubleType)
                .add(DistributionCentersTable.LONGITUDE, DataTypes.DoubleType)
                .add(DistributionCentersTable.WEEKLY_CAPACITY_UNITS, DataTypes.DoubleType)
                .add(DistributionCentersTable.FIXED_COST, DataTypes.DoubleType)
                .add(DistributionCentersTable.HANDLING_COST_PER_UNIT, DataTypes.DoubleType);
        tables.put(ValidatedTables.of(DistributionCentersTable.NAME), spark.createDataFrame(List.of(
                RowFactory.create("DC_B", 52.52, 13.40, 70.0, 1000.0, 2.0),
                RowFactory.create("DC_P", 48.86, 2.35, 200.0, 1000.0, 0.5)), centers));
        tables.put(SegmentDemandForecastTable.NAME, forecast(spark));
        // max_lead_time_days is whole days in the contract: 1 day < Paris -> Berlin (0.5 + 878 km / 500 = 2.26).
        tables.put(SegmentServicePolicyTable.NAME, spark.createDataFrame(List.of(
                RowFactory.create(1, "urgent", "premium", 0.98, 1, "none", "test"),
                RowFactory.create(2, "patient", "standard", 0.9, 5, "weekly", "test")),
                SegmentServicePolicyTable.SCHEMA));
        return tables;
    }

    /** Per week: segment 1 vehicles 30 and spare parts 20, segment 2 60 + 40 + 15 in the south, unsegmented 10. */
    private static Dataset<Row> forecast(SparkSession spark) {
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
        return spark.createDataFrame(forecast, SegmentDemandForecastTable.SCHEMA);
    }

    private static Row line(String customer, String product, double quantity, double price, String day, boolean isReturn) {
        return RowFactory.create(customer, product, quantity, price, Timestamp.valueOf(day + " 10:00:00"), isReturn);
    }
}
