package org.segplan.contract;

/** Columns every output table carries; the writer stamps them (see {@link OutputTables#stored(String)}). */
public final class OutputColumns {
    public static final String RUN_DATE = Columns.RUN_DATE;
    public static final String RUN_ID = Columns.RUN_ID;

    private OutputColumns() {
    }
}
