package org.segplan.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.segplan.error.Errors;
import org.segplan.mapping.InputFormat;

/**
 * Typed getters over the merged {@code segplan} block that turn Typesafe's exceptions into messages naming the
 * key. Each settings section parses itself with these, so adding a section touches one line of {@link ConfigLoader}.
 */
final class ConfigValues {
    static final String ROOT = "segplan";

    private ConfigValues() {
    }

    static String nonBlank(Config root, String key) {
        String value = optionalString(root, key).orElseThrow(
                () -> Errors.missingConfigValue(ROOT + "." + key, "set it in the config file or with --set"));
        if (value.isBlank()) {
            throw Errors.invalidConfigValue(ROOT + "." + key, value, "it is blank", "give a value");
        }
        return value;
    }

    /** @param key the full key, for the message */
    static InputFormat inputFormat(String key, String value) {
        return InputFormat.parse(value).orElseThrow(() -> Errors.invalidConfigValue(key, value,
                "it is not a supported input format", "use one of " + Arrays.stream(InputFormat.values())
                        .map(InputFormat::sparkName).collect(Collectors.joining(", "))));
    }

    static Optional<String> optionalString(Config root, String key) {
        if (!root.hasPath(key)) {
            return Optional.empty();
        }
        ConfigValue value = root.getValue(key);
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
            throw Errors.invalidConfigValue(ROOT + "." + key, value.render(ConfigRenderOptions.concise()),
                    "it must be a single value", "give a string");
        }
        return Optional.of(String.valueOf(value.unwrapped()));
    }

    static int positiveInt(Config root, String key) {
        int value = intValue(root, key);
        if (value <= 0) {
            throw Errors.invalidConfigValue(ROOT + "." + key, value, "it must be positive", "give a whole number > 0");
        }
        return value;
    }

    static int nonNegativeInt(Config root, String key) {
        int value = intValue(root, key);
        if (value < 0) {
            throw Errors.invalidConfigValue(ROOT + "." + key, value, "it must not be negative", "give a whole number >= 0");
        }
        return value;
    }

    static int intValue(Config root, String key) {
        try {
            return root.getInt(key);
        } catch (ConfigException.Missing exception) {
            throw Errors.missingConfigValue(ROOT + "." + key, "set it in the config file or with --set");
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(ROOT + "." + key, root.getValue(key).unwrapped(), "it is not a whole number",
                    "give a whole number");
        }
    }

    static long longValue(Config root, String key) {
        try {
            return root.getLong(key);
        } catch (ConfigException.Missing exception) {
            throw Errors.missingConfigValue(ROOT + "." + key, "set it in the config file or with --set");
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(ROOT + "." + key, root.getValue(key).unwrapped(), "it is not a whole number",
                    "give a whole number");
        }
    }

    static double number(Config root, String key) {
        try {
            return root.getDouble(key);
        } catch (ConfigException.Missing exception) {
            throw Errors.missingConfigValue(ROOT + "." + key, "set it in the config file or with --set");
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(ROOT + "." + key, root.getValue(key).unwrapped(), "it is not a number",
                    "give a number");
        }
    }

    static double share(Config root, String key) {
        double value = number(root, key);
        if (value < 0 || value > 1) {
            throw Errors.invalidConfigValue(ROOT + "." + key, value, "it is a probability", "give a number between 0 and 1");
        }
        return value;
    }

    static boolean bool(Config root, String key) {
        try {
            return root.getBoolean(key);
        } catch (ConfigException.Missing exception) {
            throw Errors.missingConfigValue(ROOT + "." + key, "set it in the config file or with --set");
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(ROOT + "." + key, root.getValue(key).unwrapped(), "it is not true or false",
                    "give true or false");
        }
    }

    static List<String> stringList(Config root, String key) {
        try {
            return List.copyOf(root.getStringList(key));
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(ROOT + "." + key, root.getValue(key).unwrapped(), "it is not a list of names",
                    "give a list such as [\"a\", \"b\"]");
        }
    }

    static Map<String, String> stringMap(Config config) {
        Map<String, String> result = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
            // Quoted ("spark.a.b") and nested (spark.a.b) spellings both mean the Spark key spark.a.b.
            result.put(String.join(".", ConfigUtil.splitPath(entry.getKey())), String.valueOf(entry.getValue().unwrapped()));
        }
        return result;
    }
}
