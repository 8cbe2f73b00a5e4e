package org.segplan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;
import org.segplan.config.InputSpec;
import org.segplan.contract.ColumnSpec;
import org.segplan.contract.TableContract;
import org.segplan.error.Errors;

/**
 * Reads input tables from CSV, Parquet, Delta or JSON, local or {@code s3a://}, and applies the dataset-level
 * checks (missing input, missing required columns, wrong types, empty input) before anything is written.
 */
public final class InputReader {
    private final SparkSession spark;

    public InputReader(SparkSession spark) {
        this.spark = spark;
    }

    /** Reads one input; empty when an optional input is absent. */
    public Optional<SourceTable> read(InputSpec spec, TableContract contract) {
        if (spec.path() == null || !exists(spec)) {
            if (spec.required()) {
                throw Errors.missingInput(spec.table(), spec.path(), null);
            }
            return Optional.empty();
        }
        Dataset<Row> source = load(spec);
        Map<String, StructField> byName = new LinkedHashMap<>();
        for (StructField field : source.schema().fields()) {
            byName.put(field.name().trim().toLowerCase(Locale.ROOT), field);
        }
        List<String> missingRequired = contract.requiredColumns().stream().filter(name -> !byName.containsKey(name)).toList();
        if (!missingRequired.isEmpty()) {
            throw Errors.missingColumns(spec.table(), missingRequired, byName.keySet());
        }
        List<Column> textColumns = new ArrayList<>();
        List<String> absentOptional = new ArrayList<>();
        for (ColumnSpec column : contract.columns()) {
            StructField field = byName.get(column.name());
            if (field == null) {
                absentOptional.add(column.name());
                textColumns.add(lit(null).cast(DataTypes.StringType).as(column.name()));
                continue;
            }
            if (!convertible(field.dataType(), column.type())) {
                throw Errors.wrongColumnType(spec.table(), column.name(), field.dataType().simpleString(),
                        column.type().simpleString());
            }
            textColumns.add(col(quoted(field.name())).cast(DataTypes.StringType).as(column.name()));
        }
        List<String> ignored = new ArrayList<>();
        byName.forEach((name, field) -> {
            if (contract.column(name).isEmpty()) {
                ignored.add(name);
                textColumns.add(col(quoted(field.name())).cast(DataTypes.StringType).as(name));
            }
        });
        if (source.isEmpty()) {
            throw Errors.emptyInput(spec.table(), spec.path());
        }
        return Optional.of(new SourceTable(spec.table(), spec.path(),
                source.select(textColumns.toArray(Column[]::new)), absentOptional, ignored));
    }

    /** Counts the rows of the raw source, independently of any check, for the reconciliation. */
    public long countSourceRows(InputSpec spec) {
        return load(spec).count();
    }

    private Dataset<Row> load(InputSpec spec) {
        DataFrameReader reader = spark.read().format(spec.format().sparkName());
        if (spec.format().isText()) {
            // Text inputs are read as text; the row checks parse them, so a bad value is a quarantined row.
            reader = reader.option("header", "true").option("inferSchema", "false").option("mode", "PERMISSIVE");
        }
        reader = reader.options(spec.options());
        try {
            return reader.load(spec.path());
        } catch (Exception exception) {
            if (exception.getMessage() != null && exception.getMessage().contains("PATH_NOT_FOUND")) {
                throw Errors.missingInput(spec.table(), spec.path(), exception);
            }
            throw Errors.unreadableInput(spec.table(), spec.path(), exception);
        }
    }

    private boolean exists(InputSpec spec) {
        try {
            Path path = new Path(spec.path());
            FileSystem fileSystem = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fileSystem.globStatus(path);
            return matches != null && matches.length > 0;
        } catch (IOException | IllegalArgumentException exception) {
            throw Errors.unreadableInput(spec.table(), spec.path(), exception);
        }
    }

    private static boolean convertible(DataType actual, DataType expected) {
        if (actual instanceof StringType) {
            return true;
        }
        if (!(actual instanceof AtomicType)) {
            return false;
        }
        if (expected.equals(DataTypes.StringType)) {
            return true;
        }
        if (expected instanceof NumericType) {
            return actual instanceof NumericType;
        }
        if (expected.equals(DataTypes.TimestampType) || expected.equals(DataTypes.DateType)) {
            return actual instanceof TimestampType || actual instanceof DateType
                    || actual.typeName().startsWith("timestamp");
        }
        if (expected.equals(DataTypes.BooleanType)) {
            return actual instanceof BooleanType || actual instanceof IntegralType;
        }
        return false;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
