package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentScoresTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.SegmentExplanationSummaryTable;
import org.segplan.contract.SegmentExplanationsTable;
import org.segplan.error.SegplanException;
import org.segplan.io.TableStore;
import org.segplan.mapping.InputFormat;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/**
 * Scoring with the saved model reproduces the published segment ids, also after the ids were remapped: the second
 * run's segments have other sizes, so its size order differs from the stable ids matched to the first run.
 */
class ScoreStageTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 11, 30);
    private static final LocalDate SECOND = LocalDate.of(2025, 12, 31);
    private static final StructType SCHEMA = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add(CustomerFeaturesTable.LOG_AVERAGE_ORDER_VALUE, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.URGENT_ORDER_SHARE, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.MONETARY, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.FREQUENCY, DataTypes.LongType);
    /** Three needs: small urgent baskets, mid-size planned baskets, big slow fleet baskets. */
    private static final double[][] CENTRES = {{4.0, 0.9, 1.0}, {6.0, 0.2, 10.0}, {9.0, 0.05, 30.0}};

    @TempDir
    static Path folder;
    static SegplanConfig config;
    static InMemoryTables lakehouse;

    /** Tables in memory; the models the segment stage saves go under the folder, where scoring loads them. */
    @BeforeAll
    static void segmentTwoRuns() {
        config = TestRuns.config(folder, folder.resolve("lakehouse"), "segplan.segmentation.k=3");
        lakehouse = new InMemoryTables(SharedSpark.get(), folder.resolve("models"));
        RunContext first = context(FIRST);
        lakehouse.replaceRunDate(CustomerFeaturesTable.NAME, features("c", new int[] {60, 40, 20}, 0.0), first.run());
        Stages.segment().execute(first);
        RunContext second = context(SECOND);
        lakehouse.replaceRunDate(CustomerFeaturesTable.NAME, features("c", new int[] {20, 60, 40}, 0.01), second.run());
        Stages.segment().execute(second);
    }

    private static RunContext context(LocalDate runDate) {
        return TestRuns.inMemoryContext(config, runDate, lakehouse);
    }

    /** Customers around each centre; every seventh misses its lead time (imputed by the model's median). */
    static Dataset<Row> features(String prefix, int[] sizes, double shift) {
        List<Row> rows = new ArrayList<>();
        for (int need = 0; need < CENTRES.length; need++) {
            for (int index = 0; index < sizes[need]; index++) {
                double jitter = ((index * 31 + need * 5) % 13 - 6) / 60.0 + shift;
                double[] centre = CENTRES[need];
                Double leadTime = index % 7 == 6 ? null : centre[2] * (1 + jitter);
                rows.add(RowFactory.create(prefix + need + "-" + index, centre[0] + jitter,
                        Math.max(0, centre[1] + jitter / 4), leadTime, Math.exp(centre[0]) * (3 + index % 4),
                        (long) (3 + index % 4)));
            }
        }
        return SharedSpark.get().createDataFrame(rows, SCHEMA);
    }

    @Test
    void scoringTheFittedCustomersGivesExactlyTheirPublishedSegments() {
        Map<String, Integer> published = TestRuns.segmentsOf(lakehouse.readRunDate(CustomerSegmentsTable.NAME, SECOND));
        // The ids were remapped: need 0 keeps id 1 from the first run although it is now the smallest segment.
        assertEquals(1, published.get("c0-0"));
        Stages.score(ScoreStage.Options.defaults()).execute(context(SECOND));
        Dataset<Row> scores = lakehouse.readRunDate(CustomerSegmentScoresTable.NAME, SECOND);
        assertEquals(published, TestRuns.segmentsOf(scores));
        assertEquals(List.of(SECOND.toString()), scores.select(CustomerSegmentScoresTable.MODEL_RUN_DATE).distinct()
                .collectAsList().stream().map(row -> row.getDate(0).toString()).toList());
        assertEquals(0, scores.where(col(CustomerSegmentScoresTable.SEGMENT_LABEL)
                .notEqual(org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.lit("S"),
                        col(CustomerSegmentScoresTable.SEGMENT_ID)))).count());
    }

    @Test
    void unseenCustomersNearASegmentsMembersGetThatSegment() {
        Map<String, Integer> published = TestRuns.segmentsOf(lakehouse.readRunDate(CustomerSegmentsTable.NAME, FIRST));
        String external = folder.resolve("new-customers").toString();
        features("new", new int[] {5, 5, 5}, 0.02).write().parquet(external);
        Stages.score(new ScoreStage.Options(Optional.of(FIRST), Optional.of(external), InputFormat.PARQUET))
                .execute(context(SECOND));
        Dataset<Row> scores = lakehouse.readRunDate(CustomerSegmentScoresTable.NAME, SECOND);
        Map<String, Integer> scored = TestRuns.segmentsOf(scores);
        assertEquals(15, scored.size());
        for (int need = 0; need < CENTRES.length; need++) {
            for (int index = 0; index < 5; index++) {
                assertEquals(published.get("c" + need + "-0"), scored.get("new" + need + "-" + index),
                        "new customer of need " + need);
            }
        }
        assertEquals(FIRST, scores.head().<java.sql.Date>getAs(CustomerSegmentScoresTable.MODEL_RUN_DATE).toLocalDate());
    }

    @Test
    void withoutASavedModelScoringSaysWhichCommandToRun() {
        InMemoryTables empty = new InMemoryTables(SharedSpark.get(), folder.resolve("no-models"));
        SegplanException error = assertThrows(SegplanException.class, () -> Stages.score(ScoreStage.Options.defaults())
                .execute(TestRuns.inMemoryContext(config, SECOND, empty)));
        assertEquals("NO_SEGMENTATION_MODEL", error.code());
        assertTrue(error.getMessage().contains("segplan segment --run-date 2025-12-31"), error.getMessage());
    }

    @Test
    void theExplanationTreeReadsBackTheThreeNeeds() {
        Row summary = lakehouse.readRunDate(SegmentExplanationSummaryTable.NAME, SECOND).head();
        assertTrue(summary.<Double>getAs(SegmentExplanationSummaryTable.ACCURACY) >= 0.9, summary.toString());
        assertEquals(3, summary.<Integer>getAs(SegmentExplanationSummaryTable.DEPTH));
        List<Row> rules = lakehouse.readRunDate(SegmentExplanationsTable.NAME, SECOND).collectAsList();
        assertEquals(120, rules.stream().mapToLong(row -> row.<Long>getAs(SegmentExplanationsTable.CUSTOMERS)).sum());
        assertEquals(3, rules.stream().map(row -> row.<Integer>getAs(SegmentExplanationsTable.SEGMENT_ID)).distinct().count());
    }
}
