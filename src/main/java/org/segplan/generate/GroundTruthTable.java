package org.segplan.generate;

/** The planted segment of each generated customer: for quality checks only, never an input. */
public final class GroundTruthTable {
    public static final String NAME = "customer_segments_truth";
    public static final String CUSTOMER_ID = "customer_id";
    public static final String TRUE_SEGMENT = "true_segment";

    private GroundTruthTable() {
    }
}
