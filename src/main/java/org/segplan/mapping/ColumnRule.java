package org.segplan.mapping;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one column is made from a source row: taken from a source column, computed by a Spark SQL expression, or
 * a constant; then normalized as text (float-written ids, decimal commas, date patterns, value maps, default).
 *
 * @param source          source column to take (case-insensitive), or empty
 * @param expression      Spark SQL expression over the source columns, or empty
 * @param defaultValue    constant used when the value is empty or the column has no source at all
 * @param floatId         {@code 17850.0} becomes {@code 17850}
 * @param decimal         how decimals are written in the source
 * @param timestampFormat Spark datetime pattern of a timestamp held as text; rewritten as ISO
 * @param dateFormat      Spark datetime pattern of a date held as text; rewritten as ISO
 * @param values          value map applied to the trimmed text (e.g. country names to ISO codes)
 * @param unmapped        what a value missing from {@code values} becomes
 */
public record ColumnRule(
        Optional<String> source,
        Optional<String> expression,
        Optional<String> defaultValue,
        boolean floatId,
        DecimalStyle decimal,
        Optional<String> timestampFormat,
        Optional<String> dateFormat,
        Map<String, String> values,
        Unmapped unmapped) {

    /** How decimals are written: {@code 12.50} or {@code 12,50} (with {@code .} as thousands separator). */
    public enum DecimalStyle { POINT, COMMA }

    /** A value absent from the value map: kept as it is, or made empty. */
    public enum Unmapped { KEEP, NULL }

    public ColumnRule {
        requireNonNull(source, "source is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(decimal, "decimal is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
        requireNonNull(dateFormat, "dateFormat is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        requireNonNull(unmapped, "unmapped is null");
        if (source.isPresent() && expression.isPresent()) {
            throw new IllegalArgumentException("a column takes a source or an expression, not both");
        }
    }

    /** A plain rename: the column is the source column as it is. */
    public static ColumnRule rename(String source) {
        return new ColumnRule(Optional.of(source), Optional.empty(), Optional.empty(), false, DecimalStyle.POINT,
                Optional.empty(), Optional.empty(), Map.of(), Unmapped.KEEP);
    }

    public ColumnRule withFloatId() {
        return new ColumnRule(source, expression, defaultValue, true, decimal, timestampFormat, dateFormat, values, unmapped);
    }

    public ColumnRule withDecimal(DecimalStyle style) {
        return new ColumnRule(source, expression, defaultValue, floatId, style, timestampFormat, dateFormat, values, unmapped);
    }

    public ColumnRule withValues(Map<String, String> map, Unmapped whenUnmapped) {
        return new ColumnRule(source, expression, defaultValue, floatId, decimal, timestampFormat, dateFormat, map,
                whenUnmapped);
    }

    public ColumnRule withDefault(String value) {
        return new ColumnRule(source, expression, Optional.of(value), floatId, decimal, timestampFormat, dateFormat,
                values, unmapped);
    }

    public ColumnRule withTimestampFormat(String pattern) {
        return new ColumnRule(source, expression, defaultValue, floatId, decimal, Optional.of(pattern), dateFormat,
                values, unmapped);
    }

    public static ColumnRule expression(String expression) {
        return new ColumnRule(Optional.empty(), Optional.of(expression), Optional.empty(), false, DecimalStyle.POINT,
                Optional.empty(), Optional.empty(), Map.of(), Unmapped.KEEP);
    }

    public static ColumnRule constant(String value) {
        return new ColumnRule(Optional.empty(), Optional.empty(), Optional.of(value), false, DecimalStyle.POINT,
                Optional.empty(), Optional.empty(), Map.of(), Unmapped.KEEP);
    }
}
