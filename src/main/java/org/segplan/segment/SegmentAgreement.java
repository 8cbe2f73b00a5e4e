package org.segplan.segment;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How well a run's segments agree with a planted ground truth, over the customers in both.
 *
 * @param customers        customers both in the segments and in the truth
 * @param k                distinct segment ids among them
 * @param plantedSegments  distinct planted segments among them
 */
public record SegmentAgreement(long customers, long k, long plantedSegments, double adjustedRandIndex) {
    /**
     * @param segments one row per customer with {@code idColumn} and {@code segmentColumn}
     * @param truth    one row per customer with {@code idColumn} and {@code truthColumn}
     * @return empty when no customer is in both
     */
    public static Optional<SegmentAgreement> of(Dataset<Row> segments, Dataset<Row> truth, String idColumn,
            String segmentColumn, String truthColumn) {
        Dataset<Row> joined = segments.select(idColumn, segmentColumn)
                .join(truth.select(idColumn, truthColumn), idColumn).cache();
        try {
            long customers = joined.count();
            if (customers == 0) {
                return Optional.empty();
            }
            long k = joined.select(segmentColumn).distinct().count();
            long planted = joined.select(truthColumn).distinct().count();
            return Optional.of(new SegmentAgreement(customers, k, planted,
                    AdjustedRandIndex.of(joined, truthColumn, segmentColumn)));
        } finally {
            joined.unpersist();
        }
    }
}
