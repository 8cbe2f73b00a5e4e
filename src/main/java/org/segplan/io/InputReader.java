package org.segplan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
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
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.segplan.config.InputSpec;
import org.segplan.contract.ColumnSpec;
import org.segplan.contract.TableContract;
import org.segplan.error.Errors;
import org.segplan.error.Failures;
import org.segplan.error.SegplanException;
import org.segplan.mapping.InputFormat;
import org.segplan.mapping.Lookup;
import org.segplan.mapping.MappedSource;
import org.segplan.mapping.SourceMapper;
import org.segplan.quality.CheckColumns;

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
        // A mapped source's raw record is its row as read; field-count checks are for plain CSV sources.
        Dataset<Row> raw = spec.mapping().isPresent() ? load(spec) : loadFlaggingMalformedLines(spec);
        Dataset<Row> source = raw;
        Optional<Dataset<Row>> filtered = Optional.empty();
        if (spec.mapping().isPresent()) {
            MappedSource mapped = SourceMapper.apply(spec.table(), raw, spec.mapping().get(), lookups(spec));
            source = mapped.kept();
            filtered = Optional.of(mapped.filtered());
        }
        if (spec.format() == InputFormat.CSV && !renamedAsRepeated(raw.columns()).isEmpty()) {
            List<String> repeated = repeatedHeaderNames(spec);
            if (!repeated.isEmpty()) {
                throw Errors.duplicatedColumns(spec.table(), spec.path(), repeated);
            }
        }
        Map<String, StructField> byName = new LinkedHashMap<>();
        for (StructField field : source.schema().fields()) {
            if (field.name().equals(CheckColumns.RAW_RECORD) || field.name().equals(CheckColumns.MALFORMED_LINE)) {
                continue;
            }
            byName.put(field.name().trim().toLowerCase(Locale.ROOT), field);
        }
        if (byName.isEmpty()) {
            // A zero-byte file: no header, so no columns, and no rows.
            throw Errors.emptyInput(spec.table(), spec.path());
        }
        List<String> missingRequired = contract.requiredColumns().stream().filter(name -> !byName.containsKey(name)).toList();
        if (!missingRequired.isEmpty()) {
            String delimiter = spec.options().getOrDefault("sep", spec.options().getOrDefault("delimiter", ","));
            throw Errors.missingColumns(spec.table(), missingRequired, byName.keySet(),
                    spec.format() == InputFormat.CSV ? otherDelimiter(byName.keySet(), delimiter) : Optional.empty());
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
        if (raw.isEmpty()) {
            throw Errors.emptyInput(spec.table(), spec.path());
        }
        if (spec.mapping().isPresent()) {
            // The mapping's raw record is the row as read, before renames and derived columns.
            textColumns.add(col(CheckColumns.RAW_RECORD));
        }
        if (List.of(source.columns()).contains(CheckColumns.MALFORMED_LINE)) {
            textColumns.add(col(CheckColumns.MALFORMED_LINE));
        }
        return Optional.of(new SourceTable(spec.table(), spec.path(),
                source.select(textColumns.toArray(Column[]::new)), absentOptional, ignored, filtered));
    }

    /**
     * Counts the rows of the raw source, independently of any check, for the reconciliation; for a mapping that
     * aggregates, the groups.
     */
    public long countSourceRows(InputSpec spec) {
        try {
            if (spec.mapping().isPresent() && spec.mapping().get().aggregate().isPresent()) {
                return SourceMapper.rowsIn(spec.table(), load(spec), spec.mapping().get()).count();
            }
            return load(spec).count();
        } catch (Exception failure) {
            // The first pass over every file: where a cut-off or corrupt file fails, named with its table here.
            SegplanException explained = Failures.explain("ingest", failure);
            throw explained.code().equals("UNREADABLE_INPUT") && explained.getCause() == failure
                    ? Errors.unreadableInput(spec.table(), spec.path(), failure) : explained;
        }
    }

    /** The lookup tables of a mapping, each checked for a unique key (a repeated key would multiply rows). */
    private Map<String, Dataset<Row>> lookups(InputSpec spec) {
        Map<String, Dataset<Row>> result = new LinkedHashMap<>();
        for (Lookup lookup : spec.mapping().get().lookups()) {
            String table = spec.table() + " lookup " + lookup.name();
            InputSpec lookupSpec = new InputSpec(table, lookup.path(), lookup.format(), lookup.options(), true);
            if (!exists(lookupSpec)) {
                throw Errors.missingInput(table, lookup.path(), null);
            }
            Dataset<Row> reference = load(lookupSpec);
            String key = java.util.Arrays.stream(reference.columns()).filter(name -> name.equalsIgnoreCase(lookup.key()))
                    .findFirst().orElseThrow(() -> Errors.unknownSourceColumn(spec.table(),
                            "lookups." + lookup.name() + ".key", lookup.key(), List.of(reference.columns())));
            List<String> repeated = reference.groupBy(col(quoted(key))).count().where(col("count").gt(1))
                    .orderBy(col(quoted(key))).limit(5).collectAsList().stream()
                    .map(row -> String.valueOf(row.get(0))).toList();
            if (!repeated.isEmpty()) {
                throw Errors.lookupKeyNotUnique(spec.table(), lookup.name(), key, repeated);
            }
            result.put(lookup.name(), reference);
        }
        return result;
    }

    /**
     * A CSV source with one more column, set to the line as read when its field count differs from the header's
     * (Spark's corrupt-record column: it would otherwise fill missing fields with nulls and drop extra ones).
     */
    private Dataset<Row> loadFlaggingMalformedLines(InputSpec spec) {
        Dataset<Row> header = load(spec);
        if (spec.format() != InputFormat.CSV) {
            return header;
        }
        StructType withLine = header.schema().add(CheckColumns.MALFORMED_LINE, DataTypes.StringType);
        return load(spec, reader -> reader.schema(withLine)
                .option("columnNameOfCorruptRecord", CheckColumns.MALFORMED_LINE));
    }

    /**
     * The names Spark may have renamed because the header repeats them: it reads a repeated name as the name followed
     * by each column's position ({@code income3}, {@code income4}). A header such as {@code score1,score2} reads the
     * same, so this is only a suspicion that {@link #repeatedHeaderNames(InputSpec)} settles.
     */
    static List<String> renamedAsRepeated(String[] columns) {
        Map<String, Integer> positionsByName = new LinkedHashMap<>();
        for (int position = 0; position < columns.length; position++) {
            String suffix = String.valueOf(position);
            String column = columns[position];
            if (column.length() > suffix.length() && column.endsWith(suffix)) {
                positionsByName.merge(column.substring(0, column.length() - suffix.length()), 1, Integer::sum);
            }
        }
        return positionsByName.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** The names the header line itself repeats (as Spark compares them: trimmed, ignoring case). */
    private List<String> repeatedHeaderNames(InputSpec spec) {
        List<Row> header = load(spec, reader -> reader.option("header", "false")).limit(1).collectAsList();
        Map<String, Integer> seen = new LinkedHashMap<>();
        if (!header.isEmpty()) {
            for (int index = 0; index < header.get(0).length(); index++) {
                Object name = header.get(0).get(index);
                if (name != null) {
                    seen.merge(name.toString().trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        return seen.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /**
     * The delimiter a single header column seems split by, when it is not the configured one; as written in HOCON
     * (a tab as \t).
     */
    private static Optional<String> otherDelimiter(Collection<String> columns, String configured) {
        if (columns.size() != 1) {
            return Optional.empty();
        }
        String only = columns.iterator().next();
        return Map.of(";", ";", "\t", "\\t", "|", "|").entrySet().stream()
                .filter(candidate -> !candidate.getKey().equals(configured) && only.contains(candidate.getKey()))
                .map(Map.Entry::getValue).sorted().findFirst();
    }

    private Dataset<Row> load(InputSpec spec) {
        return load(spec, reader -> reader);
    }

    private Dataset<Row> load(InputSpec spec, java.util.function.UnaryOperator<DataFrameReader> adjust) {
        DataFrameReader reader = spark.read().format(spec.format().sparkName());
        if (spec.format().isText()) {
            // Text inputs are read as text; the row checks parse them, so a bad value is a quarantined row.
            reader = reader.option("header", "true").option("inferSchema", "false").option("mode", "PERMISSIVE");
        }
        reader = adjust.apply(reader.options(spec.options()));
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
