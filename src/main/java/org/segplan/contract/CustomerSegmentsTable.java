package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.optional;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: the data-driven segment of every customer with features. customer_id and segment_id are what
 * every reader needs and are required; the segment stage writes the other columns too, while a table written with
 * only the assignment (a fixture, a backfill) is accepted.
 */
public final class CustomerSegmentsTable {
    public static final String NAME = "customer_segments";

    public static final String CUSTOMER_ID = Columns.CUSTOMER_ID;
    /** 1 is the largest segment of the run. */
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String SEGMENT_LABEL = Columns.SEGMENT_LABEL;
    /** Gaussian mixtures only: the probability of the assigned segment. */
    public static final String MEMBERSHIP_PROBABILITY = Columns.MEMBERSHIP_PROBABILITY;
    /** Gaussian mixtures only: the second most likely segment. */
    public static final String RUNNER_UP_SEGMENT_ID = Columns.RUNNER_UP_SEGMENT_ID;
    /** True when the membership probability is below segplan.segmentation.borderline-probability. */
    public static final String IS_BORDERLINE = "is_borderline";
    public static final String ALGORITHM = Columns.ALGORITHM;
    public static final String K = Columns.K;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(CUSTOMER_ID),
            required(SEGMENT_ID),
            optional(SEGMENT_LABEL),
            optional(MEMBERSHIP_PROBABILITY),
            optional(RUNNER_UP_SEGMENT_ID),
            optional(IS_BORDERLINE, BooleanType, "Gaussian mixtures only: true when the membership probability is "
                    + "below segplan.segmentation.borderline-probability"),
            optional(ALGORITHM),
            optional(K, IntegerType, "Number of segments of the run's model")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private CustomerSegmentsTable() {
    }
}
