package org.segplan.contract;

/** Output contract: the data-driven segment of every customer with features. */
public final class CustomerSegmentsTable {
    public static final String NAME = "customer_segments";

    public static final String CUSTOMER_ID = "customer_id";
    /** 1 is the largest segment of the run. */
    public static final String SEGMENT_ID = "segment_id";
    public static final String SEGMENT_LABEL = "segment_label";
    public static final String ALGORITHM = "algorithm";
    public static final String K = "k";

    private CustomerSegmentsTable() {
    }
}
