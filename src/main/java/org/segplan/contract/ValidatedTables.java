package org.segplan.contract;

/**
 * Accepted input rows, typed to their contract, one Delta table per input: {@code validated_<input>}.
 * Later stages read these for their run date, so each stage can run on its own (as Airflow tasks do).
 */
public final class ValidatedTables {
    public static final String PREFIX = "validated_";

    private ValidatedTables() {
    }

    public static String of(String inputTable) {
        return PREFIX + inputTable;
    }
}
