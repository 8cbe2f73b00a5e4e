package org.segplan.mapping;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a source in someone else's layout becomes a segplan input, applied in this order: {@code derive} (row-level
 * columns, window functions allowed), {@code aggregate} (optional group-by), {@code lookups} (left joins),
 * {@code filters} (matching rows to quarantine with their reason), {@code columns} (contract columns).
 * Contract columns not named in {@code columns} are taken from the source by name, as without a mapping.
 */
public record InputMapping(
        List<NamedRule> derive,
        Optional<Aggregation> aggregate,
        List<Lookup> lookups,
        List<RowFilter> filters,
        Map<String, ColumnRule> columns) {

    public InputMapping {
        derive = List.copyOf(requireNonNull(derive, "derive is null"));
        requireNonNull(aggregate, "aggregate is null");
        lookups = List.copyOf(requireNonNull(lookups, "lookups is null"));
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(columns, "columns is null")));
    }

    public static InputMapping ofColumns(Map<String, ColumnRule> columns) {
        return new InputMapping(List.of(), Optional.empty(), List.of(), List.of(), columns);
    }

    public InputMapping withFilters(List<RowFilter> rowFilters) {
        return new InputMapping(derive, aggregate, lookups, rowFilters, columns);
    }

    public InputMapping withDerive(List<NamedRule> rules) {
        return new InputMapping(rules, aggregate, lookups, filters, columns);
    }
}
