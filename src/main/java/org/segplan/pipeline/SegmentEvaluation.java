package org.segplan.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.config.InputFormat;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.error.Errors;
import org.segplan.generate.GroundTruthTable;
import org.segplan.io.FeatureTables;
import org.segplan.segment.AdjustedRandIndex;

/**
 * Agreement of a run's customer_segments with a planted ground truth (the generator writes one), for benchmarks
 * and demos. Writes nothing.
 */
public final class SegmentEvaluation {
    private SegmentEvaluation() {
    }

    /**
     * @param customers customers both in the segments and in the truth
     * @param k         distinct segment ids of the run
     */
    public record Result(long customers, long k, long plantedSegments, double adjustedRandIndex) {
    }

    public static Result evaluate(RunContext context, String truthPath, InputFormat truthFormat) {
        if (!context.lakehouse().exists(CustomerSegmentsTable.NAME)) {
            throw Errors.missingStageInput("evaluate", CustomerSegmentsTable.NAME, context.run().runDate().toString(),
                    "segplan segment");
        }
        Dataset<Row> segments = context.lakehouse().readRunDate(CustomerSegmentsTable.NAME, context.run().runDate())
                .select(CustomerSegmentsTable.CUSTOMER_ID, CustomerSegmentsTable.SEGMENT_ID);
        Dataset<Row> truth = FeatureTables.read(context.spark(), truthPath, truthFormat)
                .select(GroundTruthTable.CUSTOMER_ID, GroundTruthTable.TRUE_SEGMENT);
        Dataset<Row> joined = segments.join(truth, CustomerSegmentsTable.CUSTOMER_ID).cache();
        try {
            long customers = joined.count();
            if (customers == 0) {
                throw Errors.missingStageInput("evaluate", CustomerSegmentsTable.NAME + " joined with " + truthPath,
                        context.run().runDate().toString(), "segplan segment");
            }
            long k = joined.select(CustomerSegmentsTable.SEGMENT_ID).distinct().count();
            long planted = joined.select(GroundTruthTable.TRUE_SEGMENT).distinct().count();
            double index = AdjustedRandIndex.of(joined, GroundTruthTable.TRUE_SEGMENT, CustomerSegmentsTable.SEGMENT_ID);
            return new Result(customers, k, planted, index);
        } finally {
            joined.unpersist();
        }
    }
}
