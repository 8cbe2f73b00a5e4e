package org.segplan.mapping;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source after its mapping.
 *
 * @param kept     rows for the row checks: contract columns (and any others), plus the raw record as read
 * @param filtered rows a mapping filter matched: reason code, reason detail, raw record (the quarantine's columns)
 */
public record MappedSource(Dataset<Row> kept, Dataset<Row> filtered) {
    public MappedSource {
        requireNonNull(kept, "kept is null");
        requireNonNull(filtered, "filtered is null");
    }
}
