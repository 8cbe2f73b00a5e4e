package org.segplan.generate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.testing.SharedSpark;

class SyntheticDataGeneratorTest {
    private static final GeneratorSettings CLEAN = new GeneratorSettings(600, 42, LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), 0.0);
    private static GeneratedData data;
    private static Dataset<Row> labelled;

    @BeforeAll
    static void generate() {
        SparkSession spark = SharedSpark.get();
        data = SyntheticDataGenerator.generate(spark, CLEAN);
        data.transactions().cache();
        labelled = data.transactions().join(data.groundTruth(), "customer_id").cache();
    }

    @Test
    void sameSeedGivesTheSameRowsWhateverThePartitioning() {
        GeneratedData again = SyntheticDataGenerator.generate(SharedSpark.get(), CLEAN);
        assertEquals(0, data.transactions().exceptAll(again.transactions().repartition(3)).count());
        assertEquals(0, again.transactions().exceptAll(data.transactions()).count());
        assertEquals(0, data.customers().exceptAll(again.customers()).count());
    }

    @Test
    void anotherSeedGivesOtherRows() {
        GeneratedData other = SyntheticDataGenerator.generate(SharedSpark.get(),
                new GeneratorSettings(600, 7, CLEAN.startDate(), CLEAN.endDate(), 0.0));
        assertTrue(data.customers().exceptAll(other.customers()).count() > 500);
    }

    @Test
    void plantedSharesAreRoughlyRight() {
        Map<String, Long> sizes = new HashMap<>();
        data.groundTruth().groupBy(GroundTruthTable.TRUE_SEGMENT).count().collectAsList()
                .forEach(row -> sizes.put(row.getString(0), row.getLong(1)));
        assertEquals(600L, sizes.values().stream().mapToLong(Long::longValue).sum());
        for (PlantedSegment segment : PlantedSegment.values()) {
            double share = sizes.getOrDefault(segment.label, 0L) / 600.0;
            assertEquals(segment.share, share, 0.06, segment.label);
        }
    }

    @Test
    void ordersStayInTheWindowAndNoProductSellsBeforeItsLaunch() {
        Row bounds = data.transactions().agg(expr("min(order_timestamp)"), expr("max(order_timestamp)")).head();
        assertTrue(bounds.getString(0).compareTo("2024-01-01") >= 0, bounds.toString());
        assertTrue(bounds.getString(1).compareTo("2026-01-01") < 0, bounds.toString());
        long early = data.transactions().join(data.products(), "product_id")
                .where(expr("to_date(order_timestamp) < to_date(launch_date)")).count();
        assertEquals(0, early);
        assertEquals(0, data.transactions().join(data.customers(), "customer_id", "left_anti").count());
    }

    @Test
    void segmentsBehaveDifferently() {
        Map<String, Row> bySegment = new HashMap<>();
        labelled.groupBy(GroundTruthTable.TRUE_SEGMENT)
                .agg(avg(col("quantity").cast("double")).as("quantity"),
                        expr("percentile(cast(requested_lead_time_days as int), 0.5)").as("lead_time"),
                        avg(expr("case when channel = 'fleet_portal' then 1.0 else 0.0 end").cast("double")).as("fleet_portal"),
                        count("*").as("lines"))
                .collectAsList().forEach(row -> bySegment.put(row.getString(0), row));
        double fleetQuantity = bySegment.get("business_fleet").getDouble(1);
        for (String other : new String[] {"eco_urban", "cost_commuter", "tech_enthusiast", "family_safety"}) {
            assertTrue(fleetQuantity > 4 * bySegment.get(other).getDouble(1), other);
        }
        assertTrue(bySegment.get("tech_enthusiast").getDouble(2) <= 2);
        assertTrue(bySegment.get("family_safety").getDouble(2) >= 21);
        assertTrue(bySegment.get("business_fleet").getDouble(3) > 0.8);
    }

    @Test
    void demandHasPromotionPeaksAndYearlyGrowth() {
        Dataset<Row> daily = data.transactions().groupBy(expr("to_date(order_timestamp)").as("day")).count();
        Dataset<Row> promotions = data.calendar().where(col("is_promotion").equalTo("true"))
                .select(expr("to_date(calendar_date)").as("day"));
        double onPromotion = daily.join(promotions, "day").agg(avg("count")).head().getDouble(0);
        double otherwise = daily.join(promotions, "day", "left_anti").agg(avg("count")).head().getDouble(0);
        assertTrue(onPromotion > 1.3 * otherwise, onPromotion + " vs " + otherwise);
        long first = data.transactions().where(expr("year(order_timestamp) = 2024")).count();
        long second = data.transactions().where(expr("year(order_timestamp) = 2025")).count();
        assertTrue(second > first, first + " then " + second);
    }

    @Test
    void dirtyRowsOfEveryKindArePlanted() {
        GeneratedData dirty = SyntheticDataGenerator.generate(SharedSpark.get(),
                new GeneratorSettings(1000, 42, CLEAN.startDate(), CLEAN.endDate(), 0.01));
        Dataset<Row> lines = dirty.transactions();
        assertTrue(lines.where(col("customer_id").equalTo("")).count() > 0);
        assertTrue(lines.where(col("quantity").startsWith("-")).count() > 0);
        assertTrue(lines.where(col("unit_price").equalTo("12,5O")).count() > 0);
        assertTrue(lines.where(col("product_id").equalTo("P9999")).count() > 0);
        assertTrue(lines.where(col("customer_id").equalTo("C9999999X")).count() > 0);
        assertTrue(lines.where(col("order_timestamp").startsWith("2026-01-03")).count() > 0);
        assertTrue(lines.count() > lines.distinct().count(), "exact duplicate lines");
        Dataset<Row> customers = dirty.customers();
        assertTrue(customers.where(col("tech_affinity").equalTo("1.7")).count() > 0);
        assertTrue(customers.where(col("city_type").equalTo("metropolis")).count() > 0);
        assertNotEquals(customers.count(), customers.select("customer_id").distinct().count());
        assertEquals(1000, dirty.groundTruth().count());
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 1, CLEAN.startDate(), CLEAN.endDate(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(100, 1, CLEAN.endDate(), CLEAN.startDate(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(100, 1, CLEAN.startDate(), CLEAN.endDate(), 0.5));
    }
}
