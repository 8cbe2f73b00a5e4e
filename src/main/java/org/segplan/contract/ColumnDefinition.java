package org.segplan.contract;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.types.DataType;

/**
 * A column of the shared vocabulary ({@link Columns}): its name, type and meaning, the same in every table that has
 * it. A contract gives it a role in its table.
 */
public record ColumnDefinition(String name, DataType type, String description) {
    public ColumnDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
    }

    /** The same column with the meaning it has in one table. */
    public ColumnDefinition meaning(String tableDescription) {
        return new ColumnDefinition(name, type, tableDescription);
    }

    public ColumnSpec as(ColumnRole role) {
        return new ColumnSpec(name, type, role, ValueRule.anything(), description);
    }
}
