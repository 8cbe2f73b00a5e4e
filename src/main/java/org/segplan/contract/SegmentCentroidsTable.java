package org.segplan.contract;

/**
 * Output contract: each segment's mean of each model feature, in units of the feature's standard deviation
 * over all customers (segment_id, feature, centroid). The next run matches its segments to these.
 */
public final class SegmentCentroidsTable {
    public static final String NAME = "segment_centroids";

    private SegmentCentroidsTable() {
    }
}
