package org.segplan.segment;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.error.SegplanException;
import org.segplan.testing.SharedSpark;

/** Three well-separated blobs of customers (and one in between): every algorithm must find three segments. */
class DataDrivenSegmentationTest {
    private static final List<String> FEATURES = List.of("x", "y");
    private static Dataset<Row> customers;
    private static Dataset<Row> withOneInBetween;

    @BeforeAll
    static void blobs() {
        Random random = new Random(7);
        double[][] centers = {{0, 0}, {10, 0}, {0, 10}};
        List<Row> rows = new ArrayList<>();
        for (int blob = 0; blob < centers.length; blob++) {
            for (int index = 0; index < 60; index++) {
                rows.add(RowFactory.create("C" + blob + "-" + index, "blob" + blob,
                        centers[blob][0] + random.nextGaussian(), centers[blob][1] + random.nextGaussian()));
            }
        }
        StructType schema = new StructType().add("customer_id", DataTypes.StringType)
                .add("truth", DataTypes.StringType).add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType);
        customers = SharedSpark.get().createDataFrame(rows, schema);
        rows.add(RowFactory.create("between", "blob0", 5.0, 0.0));
        withOneInBetween = SharedSpark.get().createDataFrame(rows, schema);
    }

    private static SegmentationSettings settings(SegmentationAlgorithm algorithm, OptionalInt k) {
        return new SegmentationSettings(algorithm, 2, 6, k, 42, 50, 4, 20_000, FEATURES, false, 0.999);
    }

    private static Dataset<Row> segment(SegmentationAlgorithm algorithm, FittedSegmentation[] fittedOut) {
        return segment(customers, settings(algorithm, OptionalInt.empty()), fittedOut);
    }

    private static Dataset<Row> segment(Dataset<Row> customers, SegmentationSettings settings,
            FittedSegmentation[] fittedOut) {
        MissingValues missing = DataDrivenSegmentation.missingValues(customers, FEATURES, false);
        FittedSegmentation fitted = DataDrivenSegmentation.fit(customers, FEATURES, missing, settings);
        fittedOut[0] = fitted;
        return DataDrivenSegmentation.withMembership(DataDrivenSegmentation.assign(fitted, customers), fitted, settings);
    }

    private static void assertFindsTheThreeBlobs(SegmentationAlgorithm algorithm) {
        FittedSegmentation[] fitted = new FittedSegmentation[1];
        Dataset<Row> segments = segment(algorithm, fitted);
        assertEquals(3, fitted[0].k(), algorithm + " candidates " + fitted[0].candidates());
        assertEquals(5, fitted[0].candidates().size());
        assertEquals(1.0, AdjustedRandIndex.of(segments, "truth", CustomerSegmentsTable.SEGMENT_ID), 1e-9,
                algorithm.configName());
    }

    @Test
    void kMeansFindsThreeSegmentsBySilhouette() {
        assertFindsTheThreeBlobs(SegmentationAlgorithm.KMEANS);
    }

    @Test
    void bisectingKMeansFindsThreeSegmentsBySilhouette() {
        assertFindsTheThreeBlobs(SegmentationAlgorithm.BISECTING_KMEANS);
    }

    @Test
    void gaussianMixtureFindsThreeSegmentsByBicAndFlagsTheCustomerInBetween() {
        assertFindsTheThreeBlobs(SegmentationAlgorithm.GAUSSIAN_MIXTURE);
        FittedSegmentation[] fitted = new FittedSegmentation[1];
        segment(SegmentationAlgorithm.GAUSSIAN_MIXTURE, fitted);
        assertEquals("bic", fitted[0].candidates().get(0).metric());
        // A lone point between blobs can win a mixture component of its own under BIC, so k is fixed here.
        Dataset<Row> segments = segment(withOneInBetween,
                settings(SegmentationAlgorithm.GAUSSIAN_MIXTURE, OptionalInt.of(3)), fitted);
        Row between = segments.where(col("customer_id").equalTo("between")).head();
        assertTrue(between.<Boolean>getAs(CustomerSegmentsTable.IS_BORDERLINE));
        assertNotNull(between.getAs(CustomerSegmentsTable.RUNNER_UP_SEGMENT_ID));
        Row typical = segments.where(col("customer_id").equalTo("C1-0")).head();
        assertTrue(typical.<Double>getAs(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY) > 0.999);
        assertTrue(between.<Double>getAs(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY)
                < typical.<Double>getAs(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY));
        assertFalse(typical.<Boolean>getAs(CustomerSegmentsTable.IS_BORDERLINE));
    }

    @Test
    void kMeansHasNoProbabilities() {
        Dataset<Row> segments = segment(SegmentationAlgorithm.KMEANS, new FittedSegmentation[1]);
        Row any = segments.head();
        assertNull(any.getAs(CustomerSegmentsTable.MEMBERSHIP_PROBABILITY));
        assertFalse(any.<Boolean>getAs(CustomerSegmentsTable.IS_BORDERLINE));
    }

    @Test
    void segmentOneIsTheLargestAndFitsAreRepeatable() {
        Dataset<Row> first = segment(SegmentationAlgorithm.KMEANS, new FittedSegmentation[1]);
        Dataset<Row> second = segment(SegmentationAlgorithm.KMEANS, new FittedSegmentation[1]);
        assertEquals(first.select("customer_id", CustomerSegmentsTable.SEGMENT_ID).orderBy("customer_id").collectAsList(),
                second.select("customer_id", CustomerSegmentsTable.SEGMENT_ID).orderBy("customer_id").collectAsList());
        Row largest = first.groupBy(CustomerSegmentsTable.SEGMENT_ID).count().orderBy(col("count").desc(),
                col(CustomerSegmentsTable.SEGMENT_ID)).head();
        assertEquals(1, largest.getInt(0));
    }

    @Test
    void theCandidateScoredOnTheSampleAssignsEveryCustomer() {
        SegmentationSettings sampled = new SegmentationSettings(SegmentationAlgorithm.KMEANS, 2, 6, OptionalInt.empty(),
                42, 50, 4, 90, FEATURES, false, 0.999);
        FittedSegmentation[] fitted = new FittedSegmentation[1];
        Dataset<Row> segments = segment(customers, sampled, fitted);
        long sampleSize = fitted[0].candidates().get(0).sampleSize();
        assertTrue(sampleSize < customers.count() && sampleSize > 40, "sample of " + sampleSize);
        assertEquals(3, fitted[0].k(), "candidates " + fitted[0].candidates());
        assertEquals(customers.count(), segments.where(col(CustomerSegmentsTable.SEGMENT_ID).isNotNull()).count());
        assertEquals(1.0, AdjustedRandIndex.of(segments, "truth", CustomerSegmentsTable.SEGMENT_ID), 1e-9);
    }

    @Test
    void aSampleTooSmallForTheFixedKIsAClearError() {
        SegmentationSettings tiny = new SegmentationSettings(SegmentationAlgorithm.KMEANS, 2, 6, OptionalInt.of(5),
                42, 50, 4, 6, FEATURES, false, 0.999);
        SegplanException error = assertThrows(SegplanException.class,
                () -> segment(customers, tiny, new FittedSegmentation[1]));
        assertEquals("SEGMENTATION_SAMPLE_TOO_SMALL", error.code());
        assertTrue(error.getMessage().contains("selection-sample-size"), error.getMessage());
    }
}
