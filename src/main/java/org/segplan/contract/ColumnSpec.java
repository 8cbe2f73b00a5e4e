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

    public boolean isRequired() {
        return role != ColumnRole.OPTIONAL;
    }

    public boolean isIdentifier() {
        return role == ColumnRole.KEY || role == ColumnRole.REFERENCE;
    }
}
