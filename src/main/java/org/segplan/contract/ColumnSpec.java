package org.segplan.contract;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.types.DataType;

/** One column of a table contract. */
public record ColumnSpec(String name, DataType type, ColumnRole role, ValueRule rule, String description) {
    public ColumnSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(role, "role is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(description, "description is null");
    }

    /** Whether the column must be present (its values may still be null when it is {@link ColumnRole#NULLABLE}). */
    public boolean isRequired() {
        return role != ColumnRole.OPTIONAL;
    }

    /** Whether values may be null: the nullability of the column in {@link TableContract#schema()}. */
    public boolean isNullable() {
        return role == ColumnRole.NULLABLE || role == ColumnRole.OPTIONAL;
    }

    public boolean isIdentifier() {
        return role == ColumnRole.KEY || role == ColumnRole.REFERENCE;
    }
}
