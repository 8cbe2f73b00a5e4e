package org.segplan.io;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An input table that passed the dataset-level checks, with every contract column as text.
 *
 * @param absentOptionalColumns optional contract columns the source does not have (filled with nulls)
 * @param ignoredColumns        source columns outside the contract (kept only in quarantined raw records)
 * @param filtered              rows the input's mapping filters sent to quarantine (reason code, detail, raw
 *                              record); empty without a mapping
 */
public record SourceTable(String table, String location, Dataset<Row> text, List<String> absentOptionalColumns,
        List<String> ignoredColumns, Optional<Dataset<Row>> filtered) {
    public SourceTable {
        requireNonNull(table, "table is null");
        requireNonNull(location, "location is null");
        requireNonNull(text, "text is null");
        absentOptionalColumns = List.copyOf(absentOptionalColumns);
        ignoredColumns = List.copyOf(ignoredColumns);
        requireNonNull(filtered, "filtered is null");
    }

    public SourceTable(
            String table, String location, Dataset<Row> text, List<String> absentOptionalColumns, List<String> ignoredColumns) {
        this(table, location, text, absentOptionalColumns, ignoredColumns, Optional.empty());
    }

    /** What the run summary says about the columns: absent optional ones, and those outside the contract. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (!absentOptionalColumns.isEmpty()) {
            notes.add(table + " lacks optional columns " + absentOptionalColumns + "; features that need them are skipped");
        }
        if (!ignoredColumns.isEmpty()) {
            notes.add(table + " columns outside the contract ignored: " + ignoredColumns);
        }
        return notes;
    }
}
