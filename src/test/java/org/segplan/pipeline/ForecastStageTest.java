package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.InventoryTargetsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.SeriesForecastTable;
import org.segplan.mapping.InputFormat;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/**
 * Wiring of the forecast stages on in-memory tables: what they read reaches the entry, and every table the spec
 * declares is written for the run date with the counts and notes of the run summary. Behaviour is tested on the
 * entries (org.segplan.forecast); a small, fast configuration here (naive model, horizon 4).
 */
class ForecastStageTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static final LocalDate FIRST_WEEK = LocalDate.of(2025, 9, 1);

    @TempDir
    static Path folder;
    static InMemoryTables tables;
    static RunContext context;

    @BeforeAll
    static void writeTheInputs() {
        SegplanConfig config = TestRuns.config(folder, folder.resolve("lakehouse"), "segplan.forecast.models=[\"naive\"]",
                "segplan.forecast.horizon=4", "segplan.forecast.backtest-folds=2", "segplan.forecast.min-history=4");
        tables = new InMemoryTables(SharedSpark.get(), folder);
        context = TestRuns.inMemoryContext(config, RUN_DATE, tables);
        SparkSession spark = SharedSpark.get();
        List<Row> lines = new ArrayList<>();
        for (int t = 0; t < 17; t++) {
            Timestamp day = Timestamp.valueOf(FIRST_WEEK.plusWeeks(t).plusDays(1).atTime(9, 0));
            lines.add(RowFactory.create("O" + t, 1, "C1", "P1", day, 10.0 + t % 3, 5.0, false));
            lines.add(RowFactory.create("O" + t, 2, "C2", "P1", day, 4.0, 5.0, false));
        }
        tables.replaceRunDate("validated_transactions", spark.createDataFrame(lines, new StructType()
                .add("order_id", DataTypes.StringType).add("line_number", DataTypes.IntegerType)
                .add("customer_id", DataTypes.StringType).add("product_id", DataTypes.StringType)
                .add("order_timestamp", DataTypes.TimestampType).add("quantity", DataTypes.DoubleType)
                .add("unit_price", DataTypes.DoubleType).add("is_return", DataTypes.BooleanType)), context.run());
        tables.replaceRunDate("validated_products", spark.createDataFrame(List.of(RowFactory.create("P1", "tool")),
                new StructType().add("product_id", DataTypes.StringType).add("category", DataTypes.StringType)),
                context.run());
        tables.replaceRunDate("validated_customers", spark.createDataFrame(List.of(RowFactory.create("C1"),
                RowFactory.create("C2")), new StructType().add("customer_id", DataTypes.StringType)), context.run());
        tables.replaceRunDate("customer_segments", spark.createDataFrame(List.of(RowFactory.create("C1", 1),
                RowFactory.create("C2", 2)),
                new StructType().add("customer_id", DataTypes.StringType).add("segment_id", DataTypes.IntegerType)),
                context.run());
        tables.replaceRunDate(SegmentServicePolicyTable.NAME, spark.createDataFrame(List.<Row>of(
                RowFactory.create(1, "S1", "premium", 0.99, 2, "none", "rule a")), SegmentServicePolicyTable.SCHEMA),
                context.run());
    }

    @Test
    void forecastReadsItsInputsAndWritesEveryDeclaredTable() {
        StageOutcome outcome = Stages.forecast().execute(context);
        for (StageSpec.TableWrite write : ForecastStage.SPEC.writes()) {
            assertTrue(tables.hasRows(write.table(), RUN_DATE), write.table() + " in " + tables.names());
        }
        assertEquals(List.of(TableCounts.output(SegmentDemandForecastTable.NAME, 2, 2 * 4)), outcome.tables());
        assertTrue(outcome.notes().get(0).startsWith("2 series (weekly, horizon 4, last full bucket 2025-12-22)"),
                outcome.notes().toString());
        // No calendar was written: the optional read is absent and the entry says so.
        assertTrue(outcome.notes().contains("no calendar for the run date: holiday and promotion effects not used"),
                outcome.notes().toString());
        // The optional service policies reach the inventory targets: segment 1's policy, the default for 2.
        List<Row> targets = tables.readRunDate(InventoryTargetsTable.NAME, RUN_DATE).orderBy("segment_id").collectAsList();
        assertEquals(2, targets.size());
        assertEquals("premium", targets.get(0).getAs("policy_name"));
        assertEquals(0.99, targets.get(0).<Double>getAs("service_level"));
        assertNull(targets.get(1).getAs("policy_name"));
        assertEquals(0.95, targets.get(1).<Double>getAs("service_level"));
    }

    @Test
    void forecastSeriesReadsTheFileAndWritesEveryDeclaredTable() throws Exception {
        Path series = folder.resolve("series.csv");
        StringBuilder csv = new StringBuilder("series_id,period,value,promo\n");
        for (int t = 0; t < 16; t++) {
            LocalDate week = FIRST_WEEK.plusWeeks(t);
            csv.append("a,").append(week).append(',').append(20 + t % 3).append(",0\n");
            csv.append("b,").append(week).append(',').append(50 + t).append(',').append(t % 5 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(series, csv.toString());
        StageOutcome outcome = Stages.forecastSeries(series.toString(), InputFormat.CSV).execute(context);
        for (StageSpec.TableWrite write : SeriesForecastStage.SPEC.writes()) {
            assertTrue(tables.hasRows(write.table(), RUN_DATE), write.table() + " in " + tables.names());
        }
        assertEquals(List.of(TableCounts.output(SeriesForecastTable.NAME, 2, 2 * 4)), outcome.tables());
        assertEquals(4, tables.readRunDate(SeriesForecastTable.NAME, RUN_DATE).where(col("series_id").equalTo("b"))
                .count());
        // The reader found the promo column, and the entry used it as a regressor.
        assertTrue(outcome.notes().get(0).startsWith("2 series from " + series)
                && outcome.notes().get(0).contains("regressors [promo]"), outcome.notes().toString());
    }
}
