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

    /**
     * The contract of {@code validated_<input>}: the input contract's columns, names and types, under the validated
     * table's name. Ingest writes every one of them; the checks that made them required ran on the input, so the
     * validated table may be written with a subset (a backfill, a test fixture): readers see absent columns as null.
     */
    public static TableContract contract(TableContract input) {
        return new TableContract(of(input.name()), input.columns().stream()
                .map(column -> new ColumnSpec(column.name(), column.type(), ColumnRole.OPTIONAL, column.rule(),
                        column.description()))
                .toList(), input.families());
    }
}
