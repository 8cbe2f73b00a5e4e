package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract of {@code segplan score}: customers assigned to the existing segments of a saved model, without
 * refitting. segment_id is the id published in customer_segments for the model's run date.
 */
public final class CustomerSegmentScoresTable {
    public static final String NAME = "customer_segment_scores";

    public static final String CUSTOMER_ID = Columns.CUSTOMER_ID;
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String SEGMENT_LABEL = Columns.SEGMENT_LABEL;
    /** Gaussian mixtures only; null for the k-means family, as in customer_segments. */
    public static final String MEMBERSHIP_PROBABILITY = Columns.MEMBERSHIP_PROBABILITY;
    /** Gaussian mixtures only; null for the k-means family, as in customer_segments. */
    public static final String RUNNER_UP_SEGMENT_ID = Columns.RUNNER_UP_SEGMENT_ID;
    /** The run date of the segmentation model that scored the customer. */
    public static final String MODEL_RUN_DATE = "model_run_date";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(CUSTOMER_ID),
            required(SEGMENT_ID, "The segment of the saved model, as published in customer_segments for its run date"),
            required(SEGMENT_LABEL),
            nullable(MEMBERSHIP_PROBABILITY),
            nullable(RUNNER_UP_SEGMENT_ID),
            required(MODEL_RUN_DATE, DateType, "The run date of the segmentation model that scored the customer")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private CustomerSegmentScoresTable() {
    }
}
