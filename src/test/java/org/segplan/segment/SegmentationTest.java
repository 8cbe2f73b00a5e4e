package org.segplan.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ModelSelectionTable;
import org.segplan.contract.SegmentMigrationsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/**
 * The segmentation entry on two small runs whose size order differs: the second continues the first's ids (matched
 * by centroid, handed in as frames), and its migrations come from the frames of both runs.
 */
class SegmentationTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 11, 30);
    private static final StructType SCHEMA = new StructType()
            .add(CustomersTable.CUSTOMER_ID, DataTypes.StringType)
            .add(CustomerFeaturesTable.URGENT_ORDER_SHARE, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS, DataTypes.DoubleType)
            .add(CustomerFeaturesTable.MONETARY, DataTypes.DoubleType);
    /** Urgent small buyers, planned buyers, slow big buyers. */
    private static final double[][] CENTRES = {{0.9, 1.0, 100}, {0.2, 10.0, 1000}, {0.05, 30.0, 10000}};
    private static final SegmentationSettings SETTINGS = new SegmentationSettings(SegmentationAlgorithm.KMEANS, 2, 4,
            OptionalInt.of(3), 42, 20, 1, 20_000, List.of(CustomerFeaturesTable.URGENT_ORDER_SHARE,
                    CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS), false, 0.7);
    private static final ExplanationSettings EXPLANATION = new ExplanationSettings(2, 42);

    static SegmentationResult first;
    static SegmentationResult second;

    @BeforeAll
    static void segmentTwoRuns() {
        first = Segmentation.compute(features("c", new int[] {30, 20, 10}, 0), Optional.empty(), SETTINGS, EXPLANATION);
        // Need 0 shrinks from the largest to the smallest; needs 1 and 2 gain new customers (ids from 20 and 10 on).
        second = Segmentation.compute(features("c", new int[] {8, 30, 15}, 0.01),
                Optional.of(new Segmentation.Previous(FIRST, first.centroids(), first.customerSegments())), SETTINGS,
                EXPLANATION);
    }

    @AfterAll
    static void release() {
        first.close();
        second.close();
    }

    static Dataset<Row> features(String prefix, int[] sizes, double shift) {
        List<Row> rows = new ArrayList<>();
        for (int need = 0; need < CENTRES.length; need++) {
            for (int index = 0; index < sizes[need]; index++) {
                double jitter = ((index * 31 + need * 5) % 13 - 6) / 60.0 + shift;
                double[] centre = CENTRES[need];
                rows.add(RowFactory.create(prefix + need + "-" + index, Math.max(0, centre[0] + jitter / 4),
                        centre[1] * (1 + jitter), centre[2] * (1 + jitter)));
            }
        }
        return SharedSpark.get().createDataFrame(rows, SCHEMA);
    }

    @Test
    void theFirstRunNumbersSegmentsBySizeAndTheSecondKeepsTheirIds() {
        Map<String, Integer> before = TestRuns.segmentsOf(first.customerSegments());
        assertEquals(60, before.size());
        assertEquals(List.of(1, 2, 3), List.of(before.get("c0-0"), before.get("c1-0"), before.get("c2-0")));
        assertTrue(first.notes().contains("segment ids: first run, numbered by size"), first.notes().toString());
        Map<String, Integer> after = TestRuns.segmentsOf(second.customerSegments());
        assertEquals(53, after.size());
        // By size need 1 is now segment 1, but every need keeps the id of the first run.
        assertEquals(List.of(1, 2, 3), List.of(after.get("c0-0"), after.get("c1-0"), after.get("c2-0")));
        for (int need = 0; need < CENTRES.length; need++) {
            int expected = need + 1;
            String prefix = "c" + need + "-";
            after.forEach((customer, segment) -> {
                if (customer.startsWith(prefix)) {
                    assertEquals(expected, segment, customer);
                }
            });
        }
        assertTrue(second.notes().stream().anyMatch(note -> note.startsWith("segment ids matched to the run of "
                + FIRST + " by centroid: [2, 3, 1]")), second.notes().toString());
        assertEquals(List.of(1, 2, 3), second.centroids().select("segment_id").distinct().orderBy("segment_id")
                .collectAsList().stream().map(row -> row.getInt(0)).toList());
    }

    @Test
    void migrationsCountEveryCustomerOfEitherRunFromTheFrames() {
        assertTrue(first.migrations().isEmpty());
        Map<String, Long> migrations = new HashMap<>();
        List<Row> rows = second.migrations().orElseThrow().collectAsList();
        for (Row row : rows) {
            migrations.put(row.getAs("from_segment_id") + ">" + row.getAs("to_segment_id"),
                    row.<Long>getAs("customers"));
            assertEquals(FIRST, row.<java.sql.Date>getAs(SegmentMigrationsTable.PREVIOUS_RUN_DATE).toLocalDate());
        }
        // Need 0 lost 22 customers, need 1 gained 10 and need 2 five; nobody changed segment.
        assertEquals(Map.of("1>1", 8L, "1>null", 22L, "2>2", 20L, "null>2", 10L, "3>3", 10L, "null>3", 5L),
                migrations);
        assertEquals(60 + 15, rows.stream().mapToLong(row -> row.<Long>getAs("customers")).sum());
    }

    @Test
    void theResultCarriesTheModelTheMappingAndOneRowPerSegment() {
        assertEquals(3, second.profiles().count());
        assertEquals(List.of(1L, 1L), List.of(second.modelSelection().count(),
                second.modelSelection().where("is_chosen").count()));
        assertEquals("fixed", second.modelSelection().head().<String>getAs(ModelSelectionTable.METRIC));
        assertEquals(53, second.customers());
        // The saved mapping publishes the stable ids, whatever the model's cluster order.
        int[] mapping = second.mapping().clusterToSegmentId();
        assertEquals(List.of(1, 2, 3), java.util.Arrays.stream(mapping).sorted().boxed().toList());
        assertEquals(TestRuns.segmentsOf(second.customerSegments()), TestRuns.segmentsOf(SegmentScoring.score(
                second.model(), second.mapping(), features("c", new int[] {8, 30, 15}, 0.01))));
        Row summary = second.explanationSummary().head();
        assertEquals(2, summary.getInt(0));
        assertTrue(summary.getDouble(1) >= 0.9, summary.toString());
        assertEquals(53, second.explanations().collectAsList().stream().mapToLong(row -> row.getLong(2)).sum());
        List<String> names = second.profiles().select(SegmentProfilesTable.SEGMENT_ID).orderBy(SegmentProfilesTable.SEGMENT_ID)
                .collectAsList().stream().map(row -> String.valueOf(row.getInt(0))).toList();
        assertEquals(List.of("1", "2", "3"), names);
    }
}
