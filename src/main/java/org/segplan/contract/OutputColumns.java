package org.segplan.contract;

/** Columns every output table carries. */
public final class OutputColumns {
    public static final String RUN_DATE = "run_date";
    public static final String RUN_ID = "run_id";

    private OutputColumns() {
    }
}
