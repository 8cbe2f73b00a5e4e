package org.segplan.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.segplan.contract.InputTables;
import org.segplan.contract.TableContract;
import org.segplan.error.Errors;
import org.segplan.mapping.Aggregation;
import org.segplan.mapping.ColumnRule;
import org.segplan.mapping.InputFormat;
import org.segplan.mapping.InputMapping;
import org.segplan.mapping.Lookup;
import org.segplan.mapping.NamedRule;
import org.segplan.mapping.RowFilter;

/**
 * Parses and validates {@code segplan.inputs.<table>.mapping}: every key inside is checked here (the loader treats
 * the block as free-form), so a typo is an error that lists the keys allowed at that level.
 */
public final class MappingSettings {
    private static final Set<String> MAPPING_KEYS = Set.of("derive", "aggregate", "lookups", "filters", "columns");
    private static final Set<String> RULE_KEYS = Set.of("source", "expression", "default", "float-id", "decimal",
            "timestamp-format", "date-format", "values", "unmapped");
    private static final Set<String> AGGREGATE_KEYS = Set.of("group-by", "columns");
    private static final Set<String> LOOKUP_KEYS = Set.of("name", "path", "format", "options", "key", "match");
    private static final Set<String> FILTER_KEYS = Set.of("reason", "when");

    private MappingSettings() {
    }

    /** The mapping of one input (the key as written in configuration, e.g. distribution-centers); empty if none. */
    public static Optional<InputMapping> parse(Config root, String inputKey) {
        String path = "inputs." + inputKey + ".mapping";
        if (!root.hasPath(path)) {
            return Optional.empty();
        }
        String prefix = ConfigValues.ROOT + "." + path;
        ConfigObject mapping = object(root.getValue(path), prefix);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        checkKeys(mapping, MAPPING_KEYS, prefix);
        String table = inputKey.replace('-', '_');
        TableContract contract = InputTables.ALL.stream().filter(candidate -> candidate.name().equals(table))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no contract for " + table));
        List<NamedRule> derive = new ArrayList<>();
        for (ConfigObject entry : objects(mapping.get("derive"), prefix + ".derive")) {
            String where = prefix + ".derive";
            String name = text(entry.get("name"), where + ".name");
            Map<String, ConfigValue> rest = new LinkedHashMap<>(entry);
            rest.remove("name");
            derive.add(new NamedRule(name, rule(rest, where + "." + name)));
        }
        Optional<Aggregation> aggregate = Optional.ofNullable(mapping.get("aggregate"))
                .map(value -> aggregation(value, prefix + ".aggregate"));
        List<Lookup> lookups = new ArrayList<>();
        for (ConfigObject entry : objects(mapping.get("lookups"), prefix + ".lookups")) {
            lookups.add(lookup(entry, prefix + ".lookups"));
        }
        List<RowFilter> filters = new ArrayList<>();
        for (ConfigObject entry : objects(mapping.get("filters"), prefix + ".filters")) {
            filters.add(filter(entry, prefix + ".filters"));
        }
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        if (mapping.containsKey("columns")) {
            ConfigObject byColumn = object(mapping.get("columns"), prefix + ".columns");
            checkKeys(byColumn, new TreeSet<>(contract.columnNames()), prefix + ".columns");
            for (String column : new TreeSet<>(byColumn.keySet())) {
                ConfigValue value = byColumn.get(column);
                String where = prefix + ".columns." + column;
                if (value.valueType() == ConfigValueType.STRING) {
                    columns.put(column, ColumnRule.rename(String.valueOf(value.unwrapped())));
                } else {
                    columns.put(column, rule(object(value, where), where));
                }
            }
        }
        return Optional.of(new InputMapping(derive, aggregate, lookups, filters, columns));
    }

    private static ColumnRule rule(Map<String, ConfigValue> entry, String where) {
        checkKeys(entry, RULE_KEYS, where);
        Optional<String> source = optionalText(entry.get("source"), where + ".source");
        Optional<String> expression = optionalText(entry.get("expression"), where + ".expression");
        Optional<String> defaultValue = optionalText(entry.get("default"), where + ".default");
        if (source.isPresent() && expression.isPresent()) {
            throw Errors.invalidMapping(where, "it sets both source and expression",
                    "keep one: source takes a column as it is, expression computes one");
        }
        if (source.isEmpty() && expression.isEmpty() && defaultValue.isEmpty()) {
            throw Errors.invalidMapping(where, "it sets none of source, expression and default",
                    "say where the value comes from");
        }
        boolean floatId = Optional.ofNullable(entry.get("float-id")).map(value -> flag(value, where + ".float-id"))
                .orElse(false);
        ColumnRule.DecimalStyle decimal = optionalText(entry.get("decimal"), where + ".decimal")
                .map(value -> choice(value, ColumnRule.DecimalStyle.class, where + ".decimal"))
                .orElse(ColumnRule.DecimalStyle.POINT);
        Map<String, String> values = new TreeMap<>();
        if (entry.containsKey("values")) {
            ConfigObject map = object(entry.get("values"), where + ".values");
            map.forEach((key, value) -> values.put(key, value.unwrapped() == null ? null : String.valueOf(value.unwrapped())));
        }
        // unmapped = null (unquoted) reads as intended: values missing from the map become empty.
        ConfigValue unmappedValue = entry.get("unmapped");
        boolean unquotedNull = unmappedValue != null && unmappedValue.valueType() == ConfigValueType.NULL;
        ColumnRule.Unmapped unmapped = unquotedNull ? ColumnRule.Unmapped.NULL
                : optionalText(unmappedValue, where + ".unmapped")
                .map(value -> choice(value, ColumnRule.Unmapped.class, where + ".unmapped"))
                .orElse(ColumnRule.Unmapped.KEEP);
        return new ColumnRule(source, expression, defaultValue, floatId, decimal,
                optionalText(entry.get("timestamp-format"), where + ".timestamp-format"),
                optionalText(entry.get("date-format"), where + ".date-format"), values, unmapped);
    }

    private static Aggregation aggregation(ConfigValue value, String where) {
        ConfigObject entry = object(value, where);
        checkKeys(entry, AGGREGATE_KEYS, where);
        List<String> groupBy = new ArrayList<>();
        for (ConfigValue item : list(entry.get("group-by"), where + ".group-by")) {
            groupBy.add(text(item, where + ".group-by"));
        }
        if (groupBy.isEmpty()) {
            throw Errors.invalidMapping(where + ".group-by", "it is empty", "list the columns that define one row");
        }
        List<Aggregation.NamedExpression> columns = new ArrayList<>();
        for (ConfigObject column : objects(entry.get("columns"), where + ".columns")) {
            checkKeys(column, Set.of("name", "expression"), where + ".columns");
            columns.add(new Aggregation.NamedExpression(text(column.get("name"), where + ".columns.name"),
                    text(column.get("expression"), where + ".columns.expression")));
        }
        return new Aggregation(groupBy, columns);
    }

    private static Lookup lookup(ConfigObject entry, String where) {
        checkKeys(entry, LOOKUP_KEYS, where);
        String name = text(entry.get("name"), where + ".name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw Errors.invalidMapping(where + ".name", "'" + name + "' is not a lower_snake name",
                    "its columns are named <name>_<column>, so use a short lower_snake name such as geo");
        }
        String at = where + "." + name;
        InputFormat format = ConfigValues.inputFormat(at + ".format",
                optionalText(entry.get("format"), at + ".format").orElse("csv"));
        Map<String, String> options = new TreeMap<>();
        if (entry.containsKey("options")) {
            object(entry.get("options"), at + ".options").forEach((key, value) -> options.put(key,
                    String.valueOf(value.unwrapped())));
        }
        return new Lookup(name, text(entry.get("path"), at + ".path"), format, options,
                text(entry.get("key"), at + ".key"), text(entry.get("match"), at + ".match"));
    }

    private static RowFilter filter(ConfigObject entry, String where) {
        checkKeys(entry, FILTER_KEYS, where);
        String reason = text(entry.get("reason"), where + ".reason");
        if (!RowFilter.REASON_PATTERN.matcher(reason).matches()) {
            throw Errors.invalidMapping(where + ".reason", "'" + reason + "' is not an UPPER_SNAKE reason code",
                    "write it like CANCELLED_INVOICE: capitals, digits and single underscores");
        }
        return new RowFilter(reason, text(entry.get("when"), where + "." + reason + ".when"));
    }

    private static void checkKeys(Map<String, ConfigValue> entry, Set<String> allowed, String where) {
        for (String key : entry.keySet()) {
            if (!allowed.contains(key)) {
                throw Errors.unknownConfigKey(where + "." + key, "mapping", new ArrayList<>(new TreeSet<>(allowed)));
            }
        }
    }

    private static ConfigObject object(ConfigValue value, String where) {
        if (value == null || value.valueType() != ConfigValueType.OBJECT) {
            throw Errors.invalidMapping(where, "it must be an object { ... }, not " + rendered(value),
                    "see the mapping keys in segplan-defaults.conf");
        }
        return (ConfigObject) value;
    }

    private static List<ConfigValue> list(ConfigValue value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value.valueType() != ConfigValueType.LIST) {
            throw Errors.invalidMapping(where, "it must be a list [ ... ], not " + rendered(value),
                    "see the mapping keys in segplan-defaults.conf");
        }
        return (ConfigList) value;
    }

    private static List<ConfigObject> objects(ConfigValue value, String where) {
        List<ConfigObject> result = new ArrayList<>();
        for (ConfigValue item : list(value, where)) {
            result.add(object(item, where));
        }
        return result;
    }

    private static String text(ConfigValue value, String where) {
        return optionalText(value, where).orElseThrow(() -> Errors.missingConfigValue(where, "set it in the mapping"));
    }

    private static Optional<String> optionalText(ConfigValue value, String where) {
        if (value == null || value.valueType() == ConfigValueType.NULL) {
            return Optional.empty();
        }
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
            throw Errors.invalidMapping(where, "it must be a single value, not " + rendered(value), "give a string");
        }
        String text = String.valueOf(value.unwrapped());
        if (text.isBlank()) {
            throw Errors.invalidMapping(where, "it is blank", "give a value");
        }
        return Optional.of(text);
    }

    private static boolean flag(ConfigValue value, String where) {
        if (value.valueType() != ConfigValueType.BOOLEAN) {
            throw Errors.invalidMapping(where, "it is not true or false", "give true or false");
        }
        return (Boolean) value.unwrapped();
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, String where) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw Errors.invalidMapping(where, "'" + value + "' is not one of " + allowed, "choose one of " + allowed);
    }

    private static String rendered(ConfigValue value) {
        return value == null ? "nothing" : value.render(ConfigRenderOptions.concise());
    }
}
