package org.segplan.contract;

/** Output contract: the data-driven segment of every customer with features. */
public final class CustomerSegmentsTable {
    public static final String NAME = "customer_segments";

    public static final String CUSTOMER_ID = "customer_id";
    /** 1 is the largest segment of the run. */
    public static final String SEGMENT_ID = "segment_id";
    public static final String SEGMENT_LABEL = "segment_label";
    /** Gaussian mixtures only: the probability of the assigned segment. */
    public static final String MEMBERSHIP_PROBABILITY = "membership_probability";
    /** Gaussian mixtures only: the second most likely segment. */
    public static final String RUNNER_UP_SEGMENT_ID = "runner_up_segment_id";
    /** True when the membership probability is below segplan.segmentation.borderline-probability. */
    public static final String IS_BORDERLINE = "is_borderline";
    public static final String ALGORITHM = "algorithm";
    public static final String K = "k";

    private CustomerSegmentsTable() {
    }
}
