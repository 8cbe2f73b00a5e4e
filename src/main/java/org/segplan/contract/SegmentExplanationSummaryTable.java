package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: one row per run for the explanation tree: its maximum depth, its accuracy on the run's customers
 * (share whose segment the rules predict), and the features it could split on (comma separated).
 */
public final class SegmentExplanationSummaryTable {
    public static final String NAME = "segment_explanation_summary";

    public static final String DEPTH = "depth";
    public static final String ACCURACY = "accuracy";
    public static final String FEATURES = Columns.FEATURES;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            required(DEPTH, IntegerType, "Maximum depth of the tree"),
            required(ACCURACY, DoubleType, "Share of the run's customers whose segment the rules predict"),
            required(FEATURES, "The features the tree could split on, comma separated")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentExplanationSummaryTable() {
    }
}
