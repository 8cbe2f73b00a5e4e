package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract of {@code segplan score}: customers assigned to the existing segments of a saved model, without
 * refitting. segment_id is the id published in customer_segments for the model's run date.
 */
public final class CustomerSegmentScoresTable {
    public static final String NAME = "customer_segment_scores";

    public static final String CUSTOMER_ID = "customer_id";
    public static final String SEGMENT_ID = "segment_id";
    public static final String SEGMENT_LABEL = "segment_label";
    /** Gaussian mixtures only; null for the k-means family, as in customer_segments. */
    public static final String MEMBERSHIP_PROBABILITY = "membership_probability";
    /** Gaussian mixtures only; null for the k-means family, as in customer_segments. */
    public static final String RUNNER_UP_SEGMENT_ID = "runner_up_segment_id";
    /** The run date of the segmentation model that scored the customer. */
    public static final String MODEL_RUN_DATE = "model_run_date";

    public static final StructType SCHEMA = new StructType()
            .add(CUSTOMER_ID, StringType, false)
            .add(SEGMENT_ID, IntegerType, false)
            .add(SEGMENT_LABEL, StringType, false)
            .add(MEMBERSHIP_PROBABILITY, DoubleType, true)
            .add(RUNNER_UP_SEGMENT_ID, IntegerType, true)
            .add(MODEL_RUN_DATE, DateType, false);

    private CustomerSegmentScoresTable() {
    }
}
