package org.segplan.mapping;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.segplan.error.Errors;
import org.segplan.quality.CheckColumns;

/**
 * Applies an {@link InputMapping} to a source as a pure transformation, between reading the source and the row
 * checks. Every source row ends up either in {@link MappedSource#kept()} or in {@link MappedSource#filtered()}
 * (with its reason), never dropped; an aggregated source turns into one row per group first.
 */
public final class SourceMapper {
    private static final String MATCH = "__lookup_match";
    private static final String FILTER_REASON = "__filter_reason";
    private static final String FILTER_DETAIL = "__filter_detail";

    private SourceMapper() {
    }

    public static MappedSource apply(String table, Dataset<Row> source, InputMapping mapping,
            Map<String, Dataset<Row>> lookupTables) {
        Dataset<Row> rows = rowsIn(table, source, mapping);
        for (Lookup lookup : mapping.lookups()) {
            Dataset<Row> reference = lookupTables.get(lookup.name());
            if (reference == null) {
                throw new IllegalArgumentException("lookup table " + lookup.name() + " was not loaded");
            }
            rows = withLookup(table, rows, lookup, reference);
        }
        rows = withFilterReason(table, rows, mapping.filters());
        Dataset<Row> filtered = rows.where(col(FILTER_REASON).isNotNull()).select(
                col(FILTER_REASON).as(CheckColumns.REASON_CODE),
                col(FILTER_DETAIL).as(CheckColumns.REASON_DETAIL),
                col(CheckColumns.RAW_RECORD));
        Dataset<Row> kept = withContractColumns(table, rows.where(col(FILTER_REASON).isNull()).drop(FILTER_REASON,
                FILTER_DETAIL), mapping.columns());
        return new MappedSource(kept, filtered);
    }

    /**
     * The rows the reconciliation counts as this input's rows in: the source with its derived columns and raw
     * record, aggregated to groups when the mapping aggregates.
     */
    public static Dataset<Row> rowsIn(String table, Dataset<Row> source, InputMapping mapping) {
        Dataset<Row> rows = source.withColumn(CheckColumns.RAW_RECORD, rawRecord(source.columns()));
        for (NamedRule derived : mapping.derive()) {
            Dataset<Row> current = rows;
            rows = analyzed(table, "derive." + derived.name(), describe(derived.rule()), current,
                    () -> current.withColumn(derived.name(), column(table, "derive." + derived.name(), derived.rule(),
                            current)));
        }
        if (mapping.aggregate().isEmpty()) {
            return rows;
        }
        Aggregation aggregation = mapping.aggregate().get();
        Dataset<Row> current = rows;
        Dataset<Row> grouped = analyzed(table, "aggregate", String.join(", ", aggregation.groupBy()), current, () -> {
            Column[] keys = aggregation.groupBy().stream().map(text -> expr(text)).toArray(Column[]::new);
            Column[] values = aggregation.columns().stream()
                    .map(named -> expr(named.expression()).as(named.name())).toArray(Column[]::new);
            if (values.length == 0) {
                return current.groupBy(keys).count().drop("count");
            }
            return current.groupBy(keys).agg(values[0], Arrays.copyOfRange(values, 1, values.length));
        });
        return grouped.withColumn(CheckColumns.RAW_RECORD, rawRecord(grouped.columns()));
    }

    private static Column rawRecord(String[] columns) {
        return to_json(struct(Arrays.stream(columns).filter(name -> !name.equals(CheckColumns.RAW_RECORD))
                .map(name -> col(quoted(name))).toArray(Column[]::new)));
    }

    private static Dataset<Row> withLookup(String table, Dataset<Row> rows, Lookup lookup, Dataset<Row> reference) {
        requireColumn(table, "lookups." + lookup.name() + ".key", lookup.key(), reference.columns());
        Dataset<Row> prefixed = reference.select(Arrays.stream(reference.columns())
                .map(name -> col(quoted(name)).as(lookup.prefixed(name))).toArray(Column[]::new));
        Dataset<Row> withMatch = analyzed(table, "lookups." + lookup.name() + ".match", lookup.match(), rows,
                () -> rows.withColumn(MATCH, expr(lookup.match())));
        String key = lookup.prefixed(actualName(lookup.key(), reference.columns()));
        return withMatch.join(prefixed, withMatch.col(MATCH).equalTo(prefixed.col(key)), "left").drop(MATCH);
    }

    private static Dataset<Row> withFilterReason(String table, Dataset<Row> rows, List<RowFilter> filters) {
        Column reason = lit(null).cast(DataTypes.StringType);
        Column detail = lit(null).cast(DataTypes.StringType);
        for (int index = filters.size() - 1; index >= 0; index--) {
            RowFilter filter = filters.get(index);
            Column matches = coalesce(analyzedColumn(table, "filters." + filter.reason(), filter.when(), rows,
                    () -> expr(filter.when())), lit(false));
            reason = when(matches, lit(filter.reason())).otherwise(reason);
            detail = when(matches, lit("mapping filter: " + filter.when())).otherwise(detail);
        }
        return rows.withColumn(FILTER_REASON, reason).withColumn(FILTER_DETAIL, detail);
    }

    private static Dataset<Row> withContractColumns(String table, Dataset<Row> rows, Map<String, ColumnRule> rules) {
        List<Column> output = new ArrayList<>();
        Set<String> mapped = rules.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        rules.forEach((name, rule) -> output.add(analyzedColumn(table, "columns." + name, describe(rule), rows,
                () -> column(table, "columns." + name, rule, rows)).as(name)));
        // Source columns named like a mapped contract column would shadow it (names match case-insensitively).
        for (String name : rows.columns()) {
            if (!mapped.contains(name.toLowerCase(Locale.ROOT))) {
                output.add(col(quoted(name)));
            }
        }
        Dataset<Row> result = rows.select(output.toArray(Column[]::new));
        return analyzed(table, "columns", rules.keySet().toString(), rows, () -> result);
    }

    /** One rule as a text column: the base value, then id, decimal and date normalization, value map, default. */
    static Column column(String table, String where, ColumnRule rule, Dataset<Row> rows) {
        Column base;
        if (rule.source().isPresent()) {
            base = col(quoted(requireColumn(table, where + ".source", rule.source().get(), rows.columns())));
        } else if (rule.expression().isPresent()) {
            base = expr(rule.expression().get());
        } else {
            base = lit(null);
        }
        Column text = base.cast(DataTypes.StringType);
        if (rule.floatId()) {
            text = regexp_replace(text, "^\\s*(-?[0-9]+)\\.0*\\s*$", "$1");
        }
        if (rule.decimal() == ColumnRule.DecimalStyle.COMMA) {
            text = regexp_replace(regexp_replace(text, "\\.", ""), ",", ".");
        }
        if (rule.timestampFormat().isPresent()) {
            text = coalesce(date_format(to_timestamp(trim(text), rule.timestampFormat().get()), "yyyy-MM-dd HH:mm:ss"),
                    text);
        }
        if (rule.dateFormat().isPresent()) {
            text = coalesce(date_format(to_date(trim(text), rule.dateFormat().get()), "yyyy-MM-dd"), text);
        }
        if (!rule.values().isEmpty()) {
            Column trimmed = trim(text);
            Column mappedValue = rule.unmapped() == ColumnRule.Unmapped.KEEP ? text : lit(null).cast(DataTypes.StringType);
            List<Map.Entry<String, String>> entries = new ArrayList<>(rule.values().entrySet());
            for (int index = entries.size() - 1; index >= 0; index--) {
                Map.Entry<String, String> entry = entries.get(index);
                mappedValue = when(trimmed.equalTo(entry.getKey()), lit(entry.getValue()).cast(DataTypes.StringType))
                        .otherwise(mappedValue);
            }
            text = mappedValue;
        }
        if (rule.defaultValue().isPresent()) {
            text = when(text.isNull().or(trim(text).equalTo("")), lit(rule.defaultValue().get())).otherwise(text);
        }
        return text;
    }

    private static String requireColumn(String table, String where, String name, String[] present) {
        Optional<String> actual = Arrays.stream(present).filter(column -> column.equalsIgnoreCase(name)).findFirst();
        return actual.orElseThrow(() -> Errors.unknownSourceColumn(table, where, name, visible(present)));
    }

    private static String actualName(String name, String[] present) {
        return Arrays.stream(present).filter(column -> column.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    private static List<String> visible(String[] columns) {
        return Arrays.stream(columns).filter(name -> !name.startsWith("__")).toList();
    }

    private static String describe(ColumnRule rule) {
        return rule.expression().or(rule::source).orElse(rule.defaultValue().orElse(""));
    }

    /** Runs an analysis step and turns Spark's analysis errors into a message naming the mapping entry. */
    private static Dataset<Row> analyzed(String table, String where, String text, Dataset<Row> input,
            Supplier<Dataset<Row>> step) {
        try {
            return step.get();
        } catch (Exception exception) {
            throw translated(table, where, text, input, exception);
        }
    }

    private static Column analyzedColumn(String table, String where, String text, Dataset<Row> input,
            Supplier<Column> step) {
        try {
            Column column = step.get();
            // Resolve now, so an unknown column is reported here rather than at the first action.
            input.select(column);
            return column;
        } catch (Exception exception) {
            throw translated(table, where, text, input, exception);
        }
    }

    private static RuntimeException translated(String table, String where, String text, Dataset<Row> input,
            Exception exception) {
        if (exception instanceof AnalysisException analysis) {
            return Errors.invalidMappingExpression(table, where, text, analysis.getSimpleMessage(),
                    visible(input.columns()), analysis);
        }
        if (exception instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(exception);
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
