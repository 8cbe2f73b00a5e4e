package org.segplan.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.error.Errors;
import org.segplan.generate.GroundTruthTable;
import org.segplan.io.FeatureTables;
import org.segplan.mapping.InputFormat;
import org.segplan.segment.SegmentAgreement;

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
        if (!context.tables().exists(CustomerSegmentsTable.NAME)) {
            throw Errors.missingStageInput("evaluate", CustomerSegmentsTable.NAME, context.run().runDate().toString(),
                    "segplan segment");
        }
        Dataset<Row> segments = context.tables().readRunDate(CustomerSegmentsTable.NAME, context.run().runDate());
        Dataset<Row> truth = FeatureTables.read(context.spark(), truthPath, truthFormat);
        SegmentAgreement agreement = SegmentAgreement.of(segments, truth, CustomerSegmentsTable.CUSTOMER_ID,
                        CustomerSegmentsTable.SEGMENT_ID, GroundTruthTable.TRUE_SEGMENT)
                .orElseThrow(() -> Errors.missingStageInput("evaluate", CustomerSegmentsTable.NAME + " joined with "
                        + truthPath, context.run().runDate().toString(), "segplan segment"));
        return new Result(agreement.customers(), agreement.k(), agreement.plantedSegments(),
                agreement.adjustedRandIndex());
    }
}
