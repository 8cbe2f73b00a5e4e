package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: every candidate number of segments with its score, and which one was chosen. */
public final class ModelSelectionTable {
    public static final String NAME = "segmentation_model_selection";

    public static final String ALGORITHM = "algorithm";
    public static final String K = "k";
    public static final String METRIC = "metric";
    public static final String SCORE = "score";
    public static final String SAMPLE_SIZE = "sample_size";
    public static final String IS_CHOSEN = "is_chosen";
    public static final String FEATURES = "features";

    public static final StructType SCHEMA = new StructType()
            .add(ALGORITHM, StringType, false)
            .add(K, IntegerType, false)
            .add(METRIC, StringType, false)
            .add(SCORE, DoubleType, true)
            .add(SAMPLE_SIZE, LongType, true)
            .add(IS_CHOSEN, BooleanType, false)
            .add(FEATURES, StringType, false);

    private ModelSelectionTable() {
    }
}
