package org.segplan.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The schema and rules of one input table, shared by every reader, validator, writer and test. */
public record TableContract(String name, List<ColumnSpec> columns) {
    public TableContract {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public StructType schema() {
        return new StructType(columns.stream()
                .map(column -> new StructField(column.name(), column.type(), !column.isRequired(),
                        org.apache.spark.sql.types.Metadata.empty()))
                .toArray(StructField[]::new));
    }

    public List<String> keyColumns() {
        return columns.stream().filter(column -> column.role() == ColumnRole.KEY).map(ColumnSpec::name).toList();
    }

    public List<String> requiredColumns() {
        return columns.stream().filter(ColumnSpec::isRequired).map(ColumnSpec::name).toList();
    }

    public List<String> optionalColumns() {
        return columns.stream().filter(column -> !column.isRequired()).map(ColumnSpec::name).toList();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public Optional<ColumnSpec> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    /** The same contract with one column optional: an empty value there is accepted rather than quarantined. */
    public TableContract withOptionalColumn(String columnName) {
        column(columnName).orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
        return new TableContract(name, columns.stream()
                .map(column -> column.name().equals(columnName)
                        ? new ColumnSpec(column.name(), column.type(), ColumnRole.OPTIONAL, column.rule(), column.description())
                        : column)
                .toList());
    }

    static ColumnSpec key(String name, DataType type, String description) {
        return new ColumnSpec(name, type, ColumnRole.KEY, ValueRule.anything(), description);
    }

    static ColumnSpec key(String name, DataType type, ValueRule rule, String description) {
        return new ColumnSpec(name, type, ColumnRole.KEY, rule, description);
    }

    static ColumnSpec reference(String name, String description) {
        return new ColumnSpec(name, DataTypes.StringType, ColumnRole.REFERENCE, ValueRule.anything(), description);
    }

    static ColumnSpec required(String name, DataType type, ValueRule rule, String description) {
        return new ColumnSpec(name, type, ColumnRole.REQUIRED, rule, description);
    }

    static ColumnSpec optional(String name, DataType type, ValueRule rule, String description) {
        return new ColumnSpec(name, type, ColumnRole.OPTIONAL, rule, description);
    }

    static ColumnSpec optional(String name, DataType type, String description) {
        return new ColumnSpec(name, type, ColumnRole.OPTIONAL, ValueRule.anything(), description);
    }
}
