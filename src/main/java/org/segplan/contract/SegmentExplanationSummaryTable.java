package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: one row per run for the explanation tree: its maximum depth, its accuracy on the run's customers
 * (share whose segment the rules predict), and the features it could split on (comma separated).
 */
public final class SegmentExplanationSummaryTable {
    public static final String NAME = "segment_explanation_summary";

    public static final String DEPTH = "depth";
    public static final String ACCURACY = "accuracy";
    public static final String FEATURES = "features";

    public static final StructType SCHEMA = new StructType()
            .add(DEPTH, IntegerType, false)
            .add(ACCURACY, DoubleType, false)
            .add(FEATURES, StringType, false);

    private SegmentExplanationSummaryTable() {
    }
}
