package org.segplan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.contract.AbcXyzColumns;
import org.segplan.testing.SharedSpark;

/** ABC/XYZ on six products whose classes and coefficients of variation are worked out by hand below. */
class AbcXyzTest {
    private static final double TOLERANCE = 1e-9;
    // A Wednesday: the window is the four full weeks Monday 2024-12-30 .. Sunday 2025-01-26.
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 29);
    private static final AbcXyzSettings SETTINGS = new AbcXyzSettings(0.8, 0.95, 0.5, 1.0, 4);
    private static final StructType LINES = new StructType()
            .add("product_id", DataTypes.StringType)
            .add("order_timestamp", DataTypes.TimestampType)
            .add("quantity", DataTypes.DoubleType)
            .add("unit_price", DataTypes.DoubleType)
            .add("is_return", DataTypes.BooleanType);

    private static Row line(String product, String day, double quantity, double price, boolean isReturn) {
        return RowFactory.create(product, Timestamp.valueOf(day + " 12:00:00"), quantity, price, isReturn);
    }

    private static Map<String, Row> computed;

    private static synchronized Map<String, Row> classified() {
        if (computed == null) {
            computed = compute();
        }
        return computed;
    }

    private static Map<String, Row> compute() {
        Dataset<Row> transactions = SharedSpark.get().createDataFrame(List.of(
                // P1: 10 units in each of the four weeks at 10 -> value 400, cv 0 -> X.
                line("P1", "2024-12-30", 10, 10, false), line("P1", "2025-01-08", 10, 10, false),
                line("P1", "2025-01-13", 10, 10, false), line("P1", "2025-01-26", 10, 10, false),
                // P2: 20, 0, 20, 0 at 5 -> value 200, mean 10, population sd 10, cv 1.0 -> Y (<= 1.0).
                line("P2", "2025-01-01", 20, 5, false), line("P2", "2025-01-15", 20, 5, false),
                // P3: 8 sold and 2 returned in week 2 -> 0, 6, 0, 0; value 80 - 20 = 60; mean 1.5, cv sqrt(3) -> Z.
                // Lines before the window or in the run's incomplete week are ignored.
                line("P3", "2025-01-07", 8, 10, false), line("P3", "2025-01-09", 2, 10, true),
                line("P3", "2024-12-29", 100, 10, false), line("P3", "2025-01-28", 100, 10, false),
                // P5 and P6: value 30 each (a tie, broken by id), one week of 10 units -> cv sqrt(3) -> Z.
                line("P5", "2025-01-20", 10, 3, false), line("P6", "2025-01-02", 10, 3, false)), LINES);
        // P4 has no lines at all.
        Dataset<Row> products = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create("P1", "spare_part"), RowFactory.create("P2", "accessory"),
                RowFactory.create("P3", "vehicle"), RowFactory.create("P4", "service"),
                RowFactory.create("P5", "accessory"), RowFactory.create("P6", "accessory")),
                new StructType().add("product_id", DataTypes.StringType).add("category", DataTypes.StringType));
        Dataset<Row> result = AbcXyz.classify(products, transactions, "product_id",
                DemandWindow.before(RUN_DATE, SETTINGS.weeks()), SETTINGS);
        assertEquals(List.of("product_id", "category", "net_value", "value_share", "cumulative_value_share",
                "abc_class", "weekly_mean_units", "weekly_cv", "xyz_class", "abc_xyz", "has_demand"),
                List.of(result.columns()));
        Map<String, Row> byId = new TreeMap<>();
        result.collectAsList().forEach(row -> byId.put(row.getString(0), row));
        return byId;
    }

    @Test
    void windowIsTheFullWeeksBeforeTheRunDate() {
        DemandWindow window = DemandWindow.before(RUN_DATE, 4);
        assertEquals(LocalDate.of(2024, 12, 30), window.start());
        assertEquals(LocalDate.of(2025, 1, 27), window.endExclusive());
        // A Sunday run date closes its own week.
        assertEquals(LocalDate.of(2025, 1, 27), DemandWindow.before(LocalDate.of(2025, 1, 26), 4).endExclusive());
    }

    @Test
    void classesValuesAndVariationMatchTheHandComputation() {
        Map<String, Row> rows = classified();
        Map<String, String> classes = new TreeMap<>();
        rows.forEach((id, row) -> classes.put(id, row.getAs(AbcXyzColumns.ABC_XYZ)));
        // Total positive value 720: P1 0.556 (A), P2 cumulative 0.833 (A: 0.556 before it), P3 0.917 (B: 0.833 before),
        // P5 0.958 (B: 0.917 before), P6 1.0 (C: 0.958 before), P4 no value (C).
        assertEquals(Map.of("P1", "AX", "P2", "AY", "P3", "BZ", "P4", "CZ", "P5", "BZ", "P6", "CZ"), classes);
        assertEquals(400.0, rows.get("P1").<Double>getAs(AbcXyzColumns.NET_VALUE), TOLERANCE);
        assertEquals(60.0, rows.get("P3").<Double>getAs(AbcXyzColumns.NET_VALUE), TOLERANCE);
        assertEquals(400.0 / 720, rows.get("P1").<Double>getAs(AbcXyzColumns.VALUE_SHARE), TOLERANCE);
        assertEquals(600.0 / 720, rows.get("P2").<Double>getAs(AbcXyzColumns.CUMULATIVE_VALUE_SHARE), TOLERANCE);
        assertEquals(690.0 / 720, rows.get("P5").<Double>getAs(AbcXyzColumns.CUMULATIVE_VALUE_SHARE), TOLERANCE);
        assertEquals(1.0, rows.get("P6").<Double>getAs(AbcXyzColumns.CUMULATIVE_VALUE_SHARE), TOLERANCE);
        assertEquals(0.0, rows.get("P1").<Double>getAs(AbcXyzColumns.WEEKLY_CV), TOLERANCE);
        assertEquals(1.0, rows.get("P2").<Double>getAs(AbcXyzColumns.WEEKLY_CV), TOLERANCE);
        assertEquals(10.0, rows.get("P2").<Double>getAs(AbcXyzColumns.WEEKLY_MEAN_UNITS), TOLERANCE);
        assertEquals(1.5, rows.get("P3").<Double>getAs(AbcXyzColumns.WEEKLY_MEAN_UNITS), TOLERANCE);
        assertEquals(Math.sqrt(3), rows.get("P3").<Double>getAs(AbcXyzColumns.WEEKLY_CV), TOLERANCE);
        assertEquals("vehicle", rows.get("P3").<String>getAs("category"));
    }

    @Test
    void entitiesWithoutDemandAreZAndFlagged() {
        Row none = classified().get("P4");
        assertFalse(none.<Boolean>getAs(AbcXyzColumns.HAS_DEMAND));
        assertEquals(0.0, none.<Double>getAs(AbcXyzColumns.NET_VALUE), TOLERANCE);
        assertEquals(0.0, none.<Double>getAs(AbcXyzColumns.WEEKLY_MEAN_UNITS), TOLERANCE);
        assertNull(none.getAs(AbcXyzColumns.WEEKLY_CV));
        assertEquals("Z", none.getAs(AbcXyzColumns.XYZ_CLASS));
        assertTrue(classified().get("P6").<Boolean>getAs(AbcXyzColumns.HAS_DEMAND));
    }
}
