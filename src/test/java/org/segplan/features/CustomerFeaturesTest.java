package org.segplan.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.testing.SharedSpark;

/** Features on a hand-checked example: every expected number below was worked out by hand. */
class CustomerFeaturesTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static Map<String, Row> byCustomer;

    private static Row line(String order, int line, String customer, String timestamp, double quantity, double price,
            String channel, Integer leadTime, boolean isReturn) {
        Object[] values = new Object[TransactionsTable.CONTRACT.columns().size()];
        List<String> names = TransactionsTable.CONTRACT.columnNames();
        values[names.indexOf(TransactionsTable.ORDER_ID)] = order;
        values[names.indexOf(TransactionsTable.LINE_NUMBER)] = line;
        values[names.indexOf(TransactionsTable.CUSTOMER_ID)] = customer;
        values[names.indexOf(TransactionsTable.PRODUCT_ID)] = "P1";
        values[names.indexOf(TransactionsTable.ORDER_TIMESTAMP)] = Timestamp.valueOf(timestamp);
        values[names.indexOf(TransactionsTable.QUANTITY)] = quantity;
        values[names.indexOf(TransactionsTable.UNIT_PRICE)] = price;
        values[names.indexOf(TransactionsTable.CHANNEL)] = channel;
        values[names.indexOf(TransactionsTable.REQUESTED_LEAD_TIME_DAYS)] = leadTime;
        values[names.indexOf(TransactionsTable.IS_RETURN)] = isReturn;
        return RowFactory.create(values);
    }

    private static Row customer(String id, String signup, Integer birthYear) {
        Object[] values = new Object[CustomersTable.CONTRACT.columns().size()];
        List<String> names = CustomersTable.CONTRACT.columnNames();
        values[names.indexOf(CustomersTable.CUSTOMER_ID)] = id;
        values[names.indexOf(CustomersTable.SIGNUP_DATE)] = signup == null ? null : Date.valueOf(signup);
        values[names.indexOf(CustomersTable.BIRTH_YEAR)] = birthYear;
        return RowFactory.create(values);
    }

    @BeforeAll
    static void compute() {
        SparkSession spark = SharedSpark.get();
        Dataset<Row> customers = spark.createDataFrame(List.of(
                customer("A", "2025-01-01", 1985), customer("B", null, null), customer("Quiet", "2025-06-01", 1990)),
                CustomersTable.CONTRACT.schema());
        // A: three orders 10 and 30 days apart; order 1 has two lines; order 3 is partly returned later.
        Dataset<Row> transactions = spark.createDataFrame(List.of(
                line("1", 1, "A", "2025-12-01 10:00:00", 2, 50, "Online", 1, false),
                line("1", 2, "A", "2025-12-01 10:00:00", 1, 100, "Online", 1, false),
                line("2", 1, "A", "2025-12-11 10:00:00", 1, 100, "Dealer", 5, false),
                line("3", 1, "A", "2025-11-11 10:00:00", 4, 25, "online", 2, false),
                line("4", 1, "A", "2025-12-20 10:00:00", 1, 25, "online", null, true),
                line("5", 1, "B", "2025-12-30 09:00:00", 10, 10, "fleet portal", 14, false)),
                TransactionsTable.CONTRACT.schema());
        Dataset<Row> products = spark.createDataFrame(List.of(RowFactory.create("P1", null, "Vehicle", "new", 10.0, null)),
                ProductsTable.CONTRACT.schema());
        List<Row> rows = CustomerFeatures.compute(customers, transactions, products, RUN_DATE, 2,
                new FeatureVocabulary(List.of("dealer", "fleet_portal", "online"), List.of(), List.of("vehicle")))
                .collectAsList();
        byCustomer = new HashMap<>();
        rows.forEach(row -> byCustomer.put(row.getAs(CustomersTable.CUSTOMER_ID), row));
    }

    private static double value(String customer, String feature) {
        return ((Number) byCustomer.get(customer).getAs(feature)).doubleValue();
    }

    @Test
    void recencyFrequencyMonetary() {
        // Last purchase 2025-12-11 (the 12-20 order is a return only): 20 days before the run date.
        assertEquals(20, value("A", CustomerFeaturesTable.RECENCY_DAYS));
        assertEquals(3, value("A", CustomerFeaturesTable.FREQUENCY));
        // Gross 200 + 100 + 100 = 400, less the 25 returned.
        assertEquals(375.0, value("A", CustomerFeaturesTable.MONETARY), 1e-9);
        assertEquals(400.0 / 3, value("A", CustomerFeaturesTable.AVERAGE_ORDER_VALUE), 1e-9);
        assertEquals(25.0 / 400, value("A", CustomerFeaturesTable.RETURN_RATE), 1e-9);
        assertEquals(Math.log1p(375.0), value("A", CustomerFeaturesTable.LOG_MONETARY), 1e-9);
    }

    @Test
    void rhythmLeadTimesAndChannels() {
        // Orders on 11-11, 12-01 and 12-11: gaps of 20 and 10 days.
        assertEquals(15.0, value("A", CustomerFeaturesTable.MEAN_DAYS_BETWEEN_ORDERS), 1e-9);
        assertEquals(5.0 / 15.0, value("A", CustomerFeaturesTable.CV_DAYS_BETWEEN_ORDERS), 1e-9);
        // Lead times 1, 5, 2: median 2; urgent (<= 2 days) in two of three orders.
        assertEquals(2.0, value("A", CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS), 1e-9);
        assertEquals(2.0 / 3, value("A", CustomerFeaturesTable.URGENT_ORDER_SHARE), 1e-9);
        assertEquals(2.0 / 3, value("A", CustomerFeaturesTable.CHANNEL_SHARE_PREFIX + "online"), 1e-9);
        assertEquals(1.0 / 3, value("A", CustomerFeaturesTable.CHANNEL_SHARE_PREFIX + "dealer"), 1e-9);
        assertEquals(1.0, value("B", CustomerFeaturesTable.CHANNEL_SHARE_PREFIX + "fleet_portal"), 1e-9);
        assertEquals(10.0, value("B", CustomerFeaturesTable.UNITS_PER_ORDER), 1e-9);
    }

    @Test
    void categoryLifecycleAndSeasonalityMix() {
        assertEquals(1.0, value("A", CustomerFeaturesTable.CATEGORY_SHARE_PREFIX + "vehicle"), 1e-9);
        assertEquals(1.0, value("A", CustomerFeaturesTable.NEW_PRODUCT_SPEND_SHARE), 1e-9);
        assertEquals(0.0, value("A", CustomerFeaturesTable.MATURE_PRODUCT_SPEND_SHARE), 1e-9);
        // Gross spend 100 in November and 300 in December: 0.25^2 + 0.75^2.
        assertEquals(0.625, value("A", CustomerFeaturesTable.SEASONALITY_CONCENTRATION), 1e-9);
        assertEquals(1.0, value("B", CustomerFeaturesTable.SEASONALITY_CONCENTRATION), 1e-9);
    }

    @Test
    void tenureAgeAndCustomersWithoutOrders() {
        assertEquals(364, value("A", CustomerFeaturesTable.TENURE_DAYS));
        assertEquals(1, value("B", CustomerFeaturesTable.TENURE_DAYS), "no signup date: from the first order");
        assertEquals(40, value("A", CustomerFeaturesTable.AGE));
        Row quiet = byCustomer.get("Quiet");
        assertFalse(quiet.<Boolean>getAs(CustomerFeaturesTable.HAS_TRANSACTIONS));
        assertEquals(0L, quiet.<Long>getAs(CustomerFeaturesTable.FREQUENCY));
        assertEquals(0.0, quiet.<Double>getAs(CustomerFeaturesTable.MONETARY));
        assertNull(quiet.getAs(CustomerFeaturesTable.RECENCY_DAYS));
        assertTrue(byCustomer.get("A").<Boolean>getAs(CustomerFeaturesTable.HAS_TRANSACTIONS));
        assertEquals(3, byCustomer.size());
    }

    @Test
    void dictionaryDescribesEveryBehaviourColumn() {
        List<String> columns = List.of(byCustomer.get("A").schema().fieldNames());
        List<FeatureDefinition> described = FeatureDictionary.describe(columns);
        for (String feature : List.of(CustomerFeaturesTable.RECENCY_DAYS, CustomerFeaturesTable.MONETARY,
                CustomerFeaturesTable.CHANNEL_SHARE_PREFIX + "online", CustomersTable.BIRTH_YEAR)) {
            assertTrue(described.stream().anyMatch(definition -> definition.name().equals(feature)), feature);
        }
    }
}
