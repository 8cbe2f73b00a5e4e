package org.segplan.quality;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One input as read, ready for the checks.
 *
 * @param text     every contract column as text (absent optional columns as null), source columns outside the
 *                 contract, and for a mapped source its raw record
 * @param filtered rows the input's mapping filters already sent to quarantine (reason code, detail, raw record)
 * @param rowsIn   the source's rows counted independently of the checks (for a mapping that aggregates, its
 *                 groups): the checks must account for every one of them
 */
public record SourceRows(Dataset<Row> text, Optional<Dataset<Row>> filtered, long rowsIn) {
    public SourceRows {
        requireNonNull(text, "text is null");
        requireNonNull(filtered, "filtered is null");
        if (rowsIn < 0) {
            throw new IllegalArgumentException("rowsIn is negative: " + rowsIn);
        }
    }
}
