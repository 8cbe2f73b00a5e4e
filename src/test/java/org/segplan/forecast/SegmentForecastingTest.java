package org.segplan.forecast;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.InventoryTargetsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentDemandHistoryTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.error.SegplanException;
import org.segplan.testing.SharedSpark;

/**
 * The forecast entry on small frames: two segments with the same demand but different service policies,
 * unsegmented and anonymous lines, returns and a calendar; computed once, no table store.
 */
class SegmentForecastingTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static final LocalDate FIRST_WEEK = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_FULL_WEEK = LocalDate.of(2025, 12, 22);

    static SegmentForecasting.Inputs inputs;
    static ForecastResult result;

    @BeforeAll
    static void computeTheForecast() {
        SparkSession spark = SharedSpark.get();
        Dataset<Row> transactions = spark.createDataFrame(transactions(), new StructType()
                .add("order_id", DataTypes.StringType).add("line_number", DataTypes.IntegerType)
                .add("customer_id", DataTypes.StringType).add("product_id", DataTypes.StringType)
                .add("order_timestamp", DataTypes.TimestampType).add("quantity", DataTypes.DoubleType)
                .add("unit_price", DataTypes.DoubleType).add("is_return", DataTypes.BooleanType));
        Dataset<Row> products = spark.createDataFrame(List.of(
                RowFactory.create("P1", "Accessory"), RowFactory.create("P2", "spare_part")),
                new StructType().add("product_id", DataTypes.StringType).add("category", DataTypes.StringType));
        Dataset<Row> segments = spark.createDataFrame(List.of(RowFactory.create("C1", 1), RowFactory.create("C2", 2)),
                new StructType().add("customer_id", DataTypes.StringType).add("segment_id", DataTypes.IntegerType));
        List<Row> calendar = new ArrayList<>();
        for (LocalDate day = FIRST_WEEK.plusWeeks(10); day.isBefore(RUN_DATE); day = day.plusWeeks(13)) {
            calendar.add(RowFactory.create(java.sql.Date.valueOf(day), false, true));
        }
        Dataset<Row> calendarFrame = spark.createDataFrame(calendar, new StructType()
                .add("calendar_date", DataTypes.DateType).add("is_holiday", DataTypes.BooleanType)
                .add("is_promotion", DataTypes.BooleanType));
        Dataset<Row> policies = spark.createDataFrame(List.of(
                RowFactory.create(1, "S1", "premium", 0.99, 2, "none", "rule a"),
                RowFactory.create(2, "S2", "standard", 0.90, 7, "weekly", "rule b")), SegmentServicePolicyTable.SCHEMA);
        inputs = new SegmentForecasting.Inputs(transactions, products, segments, Optional.empty(),
                Optional.of(calendarFrame), Optional.of(policies));
        result = SegmentForecasting.compute(inputs, ForecastDefaults.settings(Bucket.WEEK), RUN_DATE);
    }

    @AfterAll
    static void release() {
        result.close();
    }

    /**
     * Customers C1 (segment 1) and C2 (segment 2) buy the same accessories every week; C3 has no segment and
     * anonymous lines have no customer id; spare parts sell every fourth week. A return every tenth week.
     */
    private static List<Row> transactions() {
        List<Row> rows = new ArrayList<>();
        int order = 0;
        for (LocalDate week = FIRST_WEEK; !week.isAfter(RUN_DATE); week = week.plusWeeks(1)) {
            int t = (int) ChronoUnit.WEEKS.between(FIRST_WEEK, week);
            double units = 20 + 6 * Math.sin(2 * Math.PI * t / 52) + (t * 7919 % 5);
            for (String customer : new String[] {"C1", "C2", "C3", null}) {
                rows.add(line(order++, customer, "P1", week.plusDays(2), units, 30.0, false));
            }
            if (t % 4 == 0) {
                rows.add(line(order++, "C1", "P2", week.plusDays(1), 3, 100.0, false));
            }
            if (t % 10 == 5) {
                rows.add(line(order++, "C1", "P1", week.plusDays(3), 2, 30.0, true));
            }
        }
        return rows;
    }

    private static Row line(int order, String customer, String product, LocalDate day, double quantity, double price,
            boolean isReturn) {
        return RowFactory.create("O" + order, 1, customer, product, Timestamp.valueOf(day.atTime(10, 0)), quantity,
                price, isReturn);
    }

    @Test
    void theResultHasTheFiveTablesInWriteOrderWithTheirSchemas() {
        assertEquals(List.of(SegmentDemandHistoryTable.NAME, SegmentDemandForecastTable.NAME, ForecastBacktestTable.NAME,
                ForecastAccuracyTable.NAME, InventoryTargetsTable.NAME), List.copyOf(result.tables().keySet()));
        assertEquals(SegmentDemandHistoryTable.SCHEMA, result.table(SegmentDemandHistoryTable.NAME).schema());
        assertEquals(SegmentDemandForecastTable.SCHEMA, result.table(SegmentDemandForecastTable.NAME).schema());
        assertEquals(ForecastAccuracyTable.SCHEMA.fieldNames().length,
                result.table(ForecastAccuracyTable.NAME).schema().fieldNames().length);
        assertEquals(4, result.seriesCount());
        assertTrue(result.notes().get(0).startsWith("4 series (weekly, horizon 13, last full bucket 2025-12-22), models: ["),
                result.notes().toString());
        assertTrue(result.notes().contains("calendar: holiday and promotion days in 8 buckets used as regressors"),
                result.notes().toString());
        assertTrue(result.notes().contains("service levels from segment_service_policy: {1=0.99, 2=0.9}"),
                result.notes().toString());
        // One accuracy note per segment, unsegmented last.
        List<String> segmentNotes = result.notes().stream().filter(note -> note.startsWith("segment ")).toList();
        assertEquals(3, segmentNotes.size(), segmentNotes.toString());
        assertTrue(segmentNotes.get(0).startsWith("segment 1: backtest WAPE "), segmentNotes.toString());
        assertTrue(segmentNotes.get(2).startsWith("segment unsegmented: "), segmentNotes.toString());
    }

    @Test
    void everySeriesHasThirteenOrderedForecastsAndAnAccuracyRow() {
        Dataset<Row> forecasts = result.table(SegmentDemandForecastTable.NAME);
        List<Row> series = result.table(SegmentDemandHistoryTable.NAME)
                .select("segment_id", "category", "region").distinct().collectAsList();
        // Segment 1: accessory and spare_part; segment 2 and unsegmented (C3 plus anonymous): accessory.
        assertEquals(4, series.size(), series.toString());
        assertEquals(4 * 13, forecasts.count());
        for (Row row : forecasts.collectAsList()) {
            double point = row.getAs(SegmentDemandForecastTable.FORECAST_UNITS);
            double lower80 = row.getAs(SegmentDemandForecastTable.LOWER_80);
            double upper80 = row.getAs(SegmentDemandForecastTable.UPPER_80);
            double lower95 = row.getAs(SegmentDemandForecastTable.LOWER_95);
            double upper95 = row.getAs(SegmentDemandForecastTable.UPPER_95);
            assertTrue(0 <= lower95 && lower95 <= lower80 && lower80 <= point && point <= upper80 && upper80 <= upper95,
                    row.toString());
            int step = row.getAs(SegmentDemandForecastTable.HORIZON_STEP);
            assertEquals(LocalDate.of(2025, 12, 29).plusWeeks(step - 1),
                    row.<java.sql.Date>getAs(SegmentDemandForecastTable.PERIOD_START).toLocalDate());
            assertEquals("ALL", row.getAs(SegmentDemandForecastTable.REGION));
        }
        Dataset<Row> accuracy = result.table(ForecastAccuracyTable.NAME);
        assertEquals(4, accuracy.where(col("level").equalTo("series")).count());
        assertEquals(3, accuracy.where(col("level").equalTo("segment")).count(), "segments 1, 2 and unsegmented");
        for (Row row : accuracy.collectAsList()) {
            assertTrue(row.<Double>getAs(ForecastAccuracyTable.WAPE) >= 0, row.toString());
            assertTrue(row.<Double>getAs(ForecastAccuracyTable.BASELINE_WAPE) >= 0, row.toString());
            assertEquals(row.<Double>getAs(ForecastAccuracyTable.BASELINE_WAPE) - row.<Double>getAs(ForecastAccuracyTable.WAPE),
                    row.<Double>getAs(ForecastAccuracyTable.FORECAST_VALUE_ADDED), 1e-9);
            assertEquals(8, row.<Integer>getAs(ForecastAccuracyTable.BACKTEST_FOLDS));
        }
        Row spareParts = accuracy.where(col("category").equalTo("spare_part")).head();
        assertEquals("intermittent", spareParts.getAs(ForecastAccuracyTable.DEMAND_CLASS));
        assertTrue(List.of("croston", "sba", "tsb", "naive", "seasonal-naive")
                .contains(spareParts.<String>getAs(ForecastAccuracyTable.MODEL)), spareParts.toString());
        // Forecasts in value: units times the accessory price of 30.
        Row accessory = forecasts.where(col("segment_id").equalTo(2)).head();
        assertEquals(30.0 * accessory.<Double>getAs(SegmentDemandForecastTable.FORECAST_UNITS),
                accessory.<Double>getAs(SegmentDemandForecastTable.FORECAST_VALUE), 1e-6);
    }

    @Test
    void historyIsNetOfReturnsZeroFilledAndIncludesUnsegmentedDemand() {
        Dataset<Row> history = result.table(SegmentDemandHistoryTable.NAME);
        // 2024-01-01 to 2025-12-22: 104 weeks for every series, the week in progress left out.
        Dataset<Row> accessory1 = history.where(col("segment_id").equalTo(1).and(col("category").equalTo("accessory")));
        assertEquals(104, accessory1.count());
        assertEquals(LAST_FULL_WEEK, accessory1.agg(org.apache.spark.sql.functions.max("period_start")).head()
                .getDate(0).toLocalDate());
        Map<LocalDate, Double> one = units(accessory1);
        Map<LocalDate, Double> two = units(history.where(col("segment_id").equalTo(2)));
        Map<LocalDate, Double> unsegmented = units(history.where(col("segment_id").isNull()));
        LocalDate returnWeek = FIRST_WEEK.plusWeeks(5);
        assertEquals(two.get(returnWeek) - 2, one.get(returnWeek), 1e-9);
        assertEquals(2 * two.get(FIRST_WEEK.plusWeeks(6)), unsegmented.get(FIRST_WEEK.plusWeeks(6)), 1e-9);
        Dataset<Row> spare = history.where(col("category").equalTo("spare_part"));
        assertEquals(104, spare.count(), "zero-filled between the sales every fourth week");
        assertEquals(78, spare.where(col("demand_units").equalTo(0.0)).count());
        assertEquals(8, history.where(col("segment_id").equalTo(2).and(col("promotion_days").gt(0))).count());
        assertTrue(result.notes().stream().anyMatch(note -> note.contains("unsegmented demand") && note.contains("49.")),
                result.notes().toString());
    }

    @Test
    void inventoryTargetsFollowTheSegmentsServicePolicies() {
        Map<String, Row> targets = new TreeMap<>();
        for (Row row : result.table(InventoryTargetsTable.NAME).collectAsList()) {
            targets.put(row.getAs("segment_id") + "/" + row.getAs("category"), row);
            for (String column : List.of("safety_stock_units", "reorder_point_units", "demand_during_lead_time",
                    "error_std_per_bucket", "mean_demand_per_bucket")) {
                assertTrue(row.<Double>getAs(column) >= 0, column + " in " + row);
            }
            assertEquals(14, row.<Integer>getAs("lead_time_days"));
            // Safety stock covers the error summed over the two-week lead time: at least one week's error.
            assertTrue(row.<Double>getAs("safety_stock_units")
                    >= row.<Double>getAs("z") * row.<Double>getAs("error_std_per_bucket") - 1e-6, row.toString());
            assertEquals(row.<Double>getAs("demand_during_lead_time") + row.<Double>getAs("safety_stock_units"),
                    row.<Double>getAs("reorder_point_units"), 1e-6);
            assertNull(row.getAs("dc_id"));
        }
        assertEquals(4, targets.size());
        Row premium = targets.get("1/accessory");
        Row standard = targets.get("2/accessory");
        Row unsegmented = targets.get("null/accessory");
        assertEquals(0.99, premium.<Double>getAs("service_level"));
        assertEquals("premium", premium.getAs("policy_name"));
        assertEquals(0.90, standard.<Double>getAs("service_level"));
        assertEquals(0.95, unsegmented.<Double>getAs("service_level"));
        assertNull(unsegmented.getAs("policy_name"));
        // Same demand (apart from a few returns), higher service level: more safety stock.
        assertTrue(premium.<Double>getAs("safety_stock_units") > standard.<Double>getAs("safety_stock_units"),
                premium + " vs " + standard);
    }

    @Test
    void nothingToForecastAndInconsistentSettingsFail() {
        SegplanException none = assertThrows(SegplanException.class, () -> SegmentForecasting.compute(inputs,
                ForecastDefaults.settings(Bucket.WEEK), FIRST_WEEK.plusDays(3)));
        assertEquals("NO_DEMAND_TO_FORECAST", none.code());
        IllegalArgumentException regions = assertThrows(IllegalArgumentException.class, () -> SegmentForecasting.compute(
                inputs, ForecastDefaults.settings(Bucket.WEEK, "segplan.forecast.by-region=true"), RUN_DATE));
        assertTrue(regions.getMessage().contains("customers"), regions.getMessage());
        // Monthly buckets with a weekly engine's season: refused when the settings are built.
        assertThrows(IllegalArgumentException.class, () -> new ForecastSettings(Bucket.MONTH, false,
                ForecastDefaults.engine(Bucket.WEEK), 14, Map.of(), 0.95));
    }

    private static Map<LocalDate, Double> units(Dataset<Row> history) {
        Map<LocalDate, Double> result = new TreeMap<>();
        history.collectAsList().forEach(row -> result.put(row.<java.sql.Date>getAs("period_start").toLocalDate(),
                row.<Double>getAs("demand_units")));
        return result;
    }
}
