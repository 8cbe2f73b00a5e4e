package org.segplan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.OutputColumns;

/**
 * Where stages read and write tables: every table is partitioned by run date, and a write replaces exactly its
 * run date's rows. {@link Lakehouse} is the Delta implementation; tests whose subject is not storage may use an
 * in-memory one. Stages see only this interface.
 */
public interface TableStore {
    /** The root the tables (and saved models) live under: a local path or a URI. */
    String root();

    boolean exists(String table);

    /** Replaces the run date's rows of a table with these rows, stamped with the run date and run id. */
    void replaceRunDate(String table, Dataset<Row> rows, RunIdentity run);

    /** Inserts or updates rows matched on the given key columns (the run ledger). */
    void upsert(String table, Dataset<Row> rows, String... keyColumns);

    /** Every run date's rows of a table. */
    Dataset<Row> read(String table);

    default Dataset<Row> readRunDate(String table, LocalDate runDate) {
        return read(table).where(col(OutputColumns.RUN_DATE).equalTo(lit(Date.valueOf(runDate))));
    }

    /** Whether the table has rows for the run date. */
    default boolean hasRows(String table, LocalDate runDate) {
        return exists(table) && !readRunDate(table, runDate).isEmpty();
    }

    default long countRunDate(String table, LocalDate runDate) {
        return exists(table) ? readRunDate(table, runDate).count() : 0;
    }

    /** The latest run date before this one that the table has rows for. */
    default Optional<LocalDate> previousRunDate(String table, LocalDate runDate) {
        if (!exists(table)) {
            return Optional.empty();
        }
        Row latest = read(table).where(col(OutputColumns.RUN_DATE).lt(lit(Date.valueOf(runDate))))
                .agg(max(OutputColumns.RUN_DATE)).head();
        return latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getDate(0).toLocalDate());
    }
}
