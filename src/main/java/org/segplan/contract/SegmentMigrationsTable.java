package org.segplan.contract;

/**
 * Output contract: customers per (from_segment_id, to_segment_id) between the previous run date and this one
 * (from null: new customer; to null: no longer segmented), with previous_run_date.
 */
public final class SegmentMigrationsTable {
    public static final String NAME = "segment_migrations";
    public static final String PREVIOUS_RUN_DATE = "previous_run_date";

    private SegmentMigrationsTable() {
    }
}
