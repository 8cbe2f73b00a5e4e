package org.segplan.classify;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.segplan.config.ConfigLoader;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.testing.SharedSpark;
import scala.collection.JavaConverters;

/**
 * Twelve customers in three data-driven segments, four products and a year of order lines, shaped like the tables
 * the classify stage reads, with the eight rule sets of conf/local.conf. Segment 1 is urgent (premium fast
 * response), segment 2 price-sensitive (economy consolidated), segment 3 matches no rule (the default policy).
 * Net values 9000, 400, 300, 150, 100 and 50 for c01..c06 (c07..c12 buy nothing): A = {c01}, B = {c02, c03}.
 */
public final class ClassifyFrames {
    public static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    public static final int CUSTOMERS = 12;
    public static final int SEGMENTS = 3;
    public static final int PRODUCTS = 4;
    private static final double[] VALUES = {9000, 400, 300, 150, 100, 50};
    private static final String[] CITY_TYPES = {"urban", "suburban", "rural"};
    private static final String[] CHANNELS = {"online", "app", "dealer"};
    private static final StructType FEATURES = new StructType()
            .add(CustomersTable.CUSTOMER_ID, DataTypes.StringType)
            .add(CustomerFeaturesTable.MONETARY, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.FREQUENCY, DataTypes.LongType)
            .add(CustomerFeaturesTable.HAS_TRANSACTIONS, DataTypes.BooleanType)
            .add(CustomerFeaturesTable.TENURE_DAYS, DataTypes.IntegerType)
            .add(CustomerFeaturesTable.RECENCY_DAYS, DataTypes.IntegerType)
            .add(CustomerFeaturesTable.URGENT_ORDER_SHARE, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.AVERAGE_ORDER_VALUE, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.RETURN_RATE, DataTypes.DoubleType)
            .add(CustomersTable.CITY_TYPE, DataTypes.StringType)
            .add(CustomersTable.ECO_CONSCIOUSNESS, DataTypes.DoubleType)
            .add(CustomersTable.TECH_AFFINITY, DataTypes.DoubleType)
            .add(CustomersTable.PRICE_SENSITIVITY, DataTypes.DoubleType)
            .add(CustomersTable.COMFORT_PRIORITY, DataTypes.DoubleType)
            .add(CustomersTable.FAMILY_STATUS, DataTypes.StringType)
            .add(CustomerFeaturesTable.AGE, DataTypes.IntegerType)
            .add(CustomersTable.HOUSEHOLD_SIZE, DataTypes.IntegerType)
            .add(CustomersTable.INCOME, DataTypes.DoubleType);

    private ClassifyFrames() {
    }

    public static String customer(int index) {
        return String.format("c%02d", index);
    }

    /** Segment 1: c01..c04, segment 2: c05..c08, segment 3: c09..c12. */
    public static int segmentOf(int index) {
        return (index - 1) / 4 + 1;
    }

    public static ClassifySettings localSettings() {
        return ConfigLoader.load(Optional.of(Path.of("conf", "local.conf")), List.of()).classify();
    }

    public static Dataset<Row> features() {
        List<Row> rows = new ArrayList<>();
        for (int index = 1; index <= CUSTOMERS; index++) {
            boolean buys = index <= VALUES.length;
            int segment = segmentOf(index);
            rows.add(RowFactory.create(customer(index), buys ? VALUES[index - 1] : 0.0, buys ? (long) index : 0L,
                    buys, 100 * index, buys ? 30 * index : null, segment == 1 ? 0.9 : 0.1,
                    buys ? (double) (3 * index) : null, buys ? VALUES[index - 1] / index : null,
                    index % 5 == 0 ? 0.3 : 0.0, CITY_TYPES[index % 3], index % 4 * 0.3, index % 3 * 0.4,
                    segment == 2 ? 0.8 : 0.2, index % 2 * 0.75, index == 12 ? "company" : "single",
                    20 + 5 * index, 1 + index % 4, index == 11 ? null : 20000.0 * index));
        }
        return SharedSpark.get().createDataFrame(rows, FEATURES);
    }

    public static Dataset<Row> segments() {
        List<Row> rows = new ArrayList<>();
        for (int index = 1; index <= CUSTOMERS; index++) {
            rows.add(RowFactory.create(customer(index), segmentOf(index)));
        }
        return SharedSpark.get().createDataFrame(rows, new StructType()
                .add(CustomerSegmentsTable.CUSTOMER_ID, DataTypes.StringType)
                .add(CustomerSegmentsTable.SEGMENT_ID, DataTypes.IntegerType));
    }

    public static Dataset<Row> profiles() {
        return SharedSpark.get().createDataFrame(List.of(
                profile(1, 0.95, Map.of("urgent_order_share", 0.9, "price_sensitivity", 0.2,
                        "median_requested_lead_time_days", 7.5, "average_order_value", 1000.0)),
                profile(2, 0.03, Map.of("urgent_order_share", 0.1, "price_sensitivity", 0.8,
                        "median_requested_lead_time_days", 16.5, "average_order_value", 18.0)),
                profile(3, 0.02, Map.of("urgent_order_share", 0.1, "price_sensitivity", 0.2))),
                SegmentProfilesTable.SCHEMA);
    }

    private static Row profile(int id, double revenueShare, Map<String, Double> means) {
        scala.collection.Map<String, Double> map = JavaConverters.mapAsScalaMap(new TreeMap<>(means));
        return RowFactory.create(id, "segment " + id, 4L, 4.0 / CUSTOMERS, revenueShare, "", map, map);
    }

    public static Dataset<Row> products() {
        List<Row> rows = new ArrayList<>();
        for (int index = 1; index <= PRODUCTS; index++) {
            rows.add(RowFactory.create("p" + index, "product " + index, index == 1 ? "vehicle" : "accessory", "mature",
                    10.0, null));
        }
        return SharedSpark.get().createDataFrame(rows, ProductsTable.CONTRACT.schema());
    }

    /** Monthly lines of each buying customer, one of them returned, plus a line before the window (ignored). */
    public static Dataset<Row> transactions() {
        List<Row> rows = new ArrayList<>();
        for (int index = 1; index <= VALUES.length; index++) {
            for (int month = 1; month <= 4; month++) {
                double price = VALUES[index - 1] / 4;
                rows.add(line("o" + index + "-" + month, customer(index), "p" + (1 + (index + month) % 3),
                        "2025-0" + (2 * month) + "-10", 1.0 + month % 2, price / (1.0 + month % 2),
                        CHANNELS[(index + month) % 3], index == 1 ? 1 : 3 * month + index, false));
            }
        }
        rows.add(line("r1", customer(2), "p2", "2025-06-12", 1.0, 10.0, "app", 5, true));
        rows.add(line("b1", customer(2), "p2", "2025-06-12", 1.0, 10.0, "app", 5, false));
        rows.add(line("old", customer(7), "p3", "2024-06-01", 5.0, 1000.0, "online", 2, false));
        return SharedSpark.get().createDataFrame(rows, TransactionsTable.CONTRACT.schema());
    }

    private static Row line(String order, String customer, String product, String day, double quantity, double price,
            String channel, int leadTime, boolean isReturn) {
        return RowFactory.create(order, 1, customer, product, Timestamp.valueOf(day + " 12:00:00"), quantity, price,
                channel, "card", leadTime, isReturn);
    }

    public static Classification.Inputs inputs() {
        return new Classification.Inputs(features(), segments(), profiles(), Optional.of(products()),
                Optional.of(transactions()));
    }
}
