package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;

/** Row counts of one table in one stage; for inputs, rowsIn = rowsAccepted + rowsQuarantined. */
public record TableCounts(String table, long rowsIn, long rowsAccepted, long rowsQuarantined, long rowsOut) {
    public TableCounts {
        requireNonNull(table, "table is null");
    }

    public static TableCounts output(String table, long rowsIn, long rowsOut) {
        return new TableCounts(table, rowsIn, rowsIn, 0, rowsOut);
    }

    public boolean reconciles() {
        return rowsIn == rowsAccepted + rowsQuarantined;
    }
}
