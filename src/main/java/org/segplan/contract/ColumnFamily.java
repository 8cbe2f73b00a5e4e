package org.segplan.contract;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.types.DataType;

/**
 * Columns a table has one of per label found in the data, named by a common prefix (channel_share_online,
 * channel_share_app, ...), all of one type. Written right after the contract column {@code follows}, in the order
 * the stage produced them.
 */
public record ColumnFamily(String prefix, DataType type, String follows, String description) {
    public ColumnFamily {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(type, "type is null");
        requireNonNull(follows, "follows is null");
        requireNonNull(description, "description is null");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a column family needs a prefix");
        }
    }

    /** Whether a column belongs to the family: its prefix followed by a label. */
    public boolean contains(String column) {
        return column.startsWith(prefix) && column.length() > prefix.length();
    }

    /** The column pattern as documentation shows it, e.g. {@code channel_share_<label>}. */
    public String pattern() {
        return prefix + "<label>";
    }
}
