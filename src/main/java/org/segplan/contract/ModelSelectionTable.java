package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: every candidate number of segments with its score, and which one was chosen. */
public final class ModelSelectionTable {
    public static final String NAME = "segmentation_model_selection";

    public static final String ALGORITHM = Columns.ALGORITHM;
    public static final String K = Columns.K;
    public static final String METRIC = Columns.METRIC;
    public static final String SCORE = "score";
    public static final String SAMPLE_SIZE = "sample_size";
    public static final String IS_CHOSEN = "is_chosen";
    public static final String FEATURES = Columns.FEATURES;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            required(ALGORITHM),
            key(K, "Candidate number of segments"),
            required(METRIC, "silhouette or bic"),
            nullable(SCORE, DoubleType, "The candidate's score on the metric"),
            nullable(SAMPLE_SIZE, LongType, "Customers the score was computed on"),
            required(IS_CHOSEN, BooleanType, "True for the number of segments the run uses"),
            required(FEATURES, "The model features, comma separated")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private ModelSelectionTable() {
    }
}
