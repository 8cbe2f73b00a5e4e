package org.segplan.contract;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.segplan.error.Errors;
import org.segplan.error.SegplanException;

/**
 * The schema and rules of one table, input or output, shared by every reader, validator, writer and test: its
 * columns in order, and the column families a table has one of per label found in the data (none for most tables).
 * The writer {@linkplain #conform conforms} every frame to its table's contract.
 */
public record TableContract(String name, List<ColumnSpec> columns, List<ColumnFamily> families) {
    public TableContract {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        families = List.copyOf(requireNonNull(families, "families is null"));
        Set<String> names = new HashSet<>();
        for (ColumnSpec column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException(name + " declares column " + column.name() + " twice");
            }
        }
        for (ColumnFamily family : families) {
            if (!names.contains(family.follows())) {
                throw new IllegalArgumentException(name + ": family " + family.pattern() + " follows "
                        + family.follows() + ", which is not a column of the table");
            }
            for (String column : names) {
                if (family.contains(column)) {
                    throw new IllegalArgumentException(name + ": column " + column + " is in family " + family.pattern());
                }
            }
        }
    }

    public TableContract(String name, List<ColumnSpec> columns) {
        this(name, columns, List.of());
    }

    /** The declared columns (family columns depend on the data and are not in it). */
    public StructType schema() {
        return new StructType(columns.stream()
                .map(column -> new StructField(column.name(), column.type(), column.isNullable(), Metadata.empty()))
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

    /** The family a column that is not a declared column belongs to. */
    public Optional<ColumnFamily> familyOf(String columnName) {
        if (column(columnName).isPresent()) {
            return Optional.empty();
        }
        return families.stream().filter(family -> family.contains(columnName)).findFirst();
    }

    /** The same contract with one column optional: an empty value there is accepted rather than quarantined. */
    public TableContract withOptionalColumn(String columnName) {
        column(columnName).orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
        return new TableContract(name, columns.stream()
                .map(column -> column.name().equals(columnName)
                        ? new ColumnSpec(column.name(), column.type(), ColumnRole.OPTIONAL, column.rule(), column.description())
                        : column)
                .toList(), families);
    }

    /** The same columns and families under another table name (validated_customers has the columns of customers). */
    public TableContract named(String tableName) {
        return new TableContract(tableName, columns, families);
    }

    /** The contract followed by these columns, unless it declares them already (where they are). */
    public TableContract withTrailingColumns(List<ColumnSpec> trailing) {
        List<ColumnSpec> all = new ArrayList<>(columns);
        for (ColumnSpec column : trailing) {
            if (column(column.name()).isEmpty()) {
                all.add(column);
            }
        }
        return new TableContract(name, all, families);
    }

    /**
     * The rows as the table stores them: the contract's columns in contract order, each cast to its declared type
     * where it differs (nullability is left as it is), every family's columns after the column it follows. An
     * optional column may be absent and is then not written.
     *
     * @throws IllegalStateException naming the table and the column when a required column is missing, a column
     *                               is neither declared nor in a family, or a column cannot be cast to its type
     */
    public Dataset<Row> conform(Dataset<Row> rows) {
        StructType actual = rows.schema();
        Set<String> present = new LinkedHashSet<>();
        for (String column : actual.fieldNames()) {
            if (!present.add(column)) {
                throw violation(column, "appears twice in the rows to write");
            }
            if (column(column).isEmpty() && familyOf(column).isEmpty()) {
                throw violation(column, "is not in the table's contract (" + describeColumns() + ")");
            }
        }
        for (ColumnSpec column : columns) {
            if (column.isRequired() && !present.contains(column.name())) {
                throw violation(column.name(), "is required by the table's contract but missing from the rows to "
                        + "write (columns: " + String.join(", ", present) + ")");
            }
        }
        List<Column> selected = new ArrayList<>();
        for (ColumnSpec column : columns) {
            if (present.contains(column.name())) {
                selected.add(typed(column.name(), actual.apply(column.name()).dataType(), column.type()));
            }
            for (ColumnFamily family : families) {
                if (family.follows().equals(column.name())) {
                    for (String member : present) {
                        if (familyOf(member).filter(family::equals).isPresent()) {
                            selected.add(typed(member, actual.apply(member).dataType(), family.type()));
                        }
                    }
                }
            }
        }
        return rows.select(selected.toArray(Column[]::new));
    }

    private Column typed(String column, DataType actual, DataType declared) {
        Column value = col("`" + column.replace("`", "``") + "`");
        if (sameIgnoringNullability(actual, declared)) {
            return value;
        }
        if (!Cast.canCast(actual, declared)) {
            throw violation(column, "is " + actual.simpleString() + ", which cannot be cast to the contract's "
                    + declared.simpleString());
        }
        return value.cast(declared).as(column);
    }

    private static boolean sameIgnoringNullability(DataType left, DataType right) {
        if (left instanceof ArrayType leftArray && right instanceof ArrayType rightArray) {
            return sameIgnoringNullability(leftArray.elementType(), rightArray.elementType());
        }
        if (left instanceof MapType leftMap && right instanceof MapType rightMap) {
            return sameIgnoringNullability(leftMap.keyType(), rightMap.keyType())
                    && sameIgnoringNullability(leftMap.valueType(), rightMap.valueType());
        }
        if (left instanceof StructType leftStruct && right instanceof StructType rightStruct) {
            StructField[] leftFields = leftStruct.fields();
            StructField[] rightFields = rightStruct.fields();
            if (leftFields.length != rightFields.length) {
                return false;
            }
            for (int i = 0; i < leftFields.length; i++) {
                if (!leftFields[i].name().equals(rightFields[i].name())
                        || !sameIgnoringNullability(leftFields[i].dataType(), rightFields[i].dataType())) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }

    private String describeColumns() {
        List<String> names = new ArrayList<>(columnNames());
        families.forEach(family -> names.add(family.pattern()));
        return "columns: " + String.join(", ", names);
    }

    private SegplanException violation(String column, String why) {
        return Errors.contractViolation(name, column, why);
    }

    // Columns of the shared vocabulary (Columns), given a role in this table.

    static ColumnSpec key(String sharedColumn) {
        return Columns.definition(sharedColumn).as(ColumnRole.KEY);
    }

    static ColumnSpec key(String sharedColumn, String description) {
        return Columns.definition(sharedColumn).meaning(description).as(ColumnRole.KEY);
    }

    static ColumnSpec required(String sharedColumn) {
        return Columns.definition(sharedColumn).as(ColumnRole.REQUIRED);
    }

    static ColumnSpec required(String sharedColumn, String description) {
        return Columns.definition(sharedColumn).meaning(description).as(ColumnRole.REQUIRED);
    }

    static ColumnSpec nullable(String sharedColumn) {
        return Columns.definition(sharedColumn).as(ColumnRole.NULLABLE);
    }

    static ColumnSpec nullable(String sharedColumn, String description) {
        return Columns.definition(sharedColumn).meaning(description).as(ColumnRole.NULLABLE);
    }

    static ColumnSpec optional(String sharedColumn) {
        return Columns.definition(sharedColumn).as(ColumnRole.OPTIONAL);
    }

    // Columns of one table.

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

    static ColumnSpec required(String name, DataType type, String description) {
        return new ColumnSpec(name, type, ColumnRole.REQUIRED, ValueRule.anything(), description);
    }

    static ColumnSpec nullable(String name, DataType type, String description) {
        return new ColumnSpec(name, type, ColumnRole.NULLABLE, ValueRule.anything(), description);
    }

    static ColumnSpec optional(String name, DataType type, ValueRule rule, String description) {
        return new ColumnSpec(name, type, ColumnRole.OPTIONAL, rule, description);
    }

    static ColumnSpec optional(String name, DataType type, String description) {
        return new ColumnSpec(name, type, ColumnRole.OPTIONAL, ValueRule.anything(), description);
    }
}
