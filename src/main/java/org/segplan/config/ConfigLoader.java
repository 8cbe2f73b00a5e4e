package org.segplan.config;

import static org.segplan.config.ConfigValues.bool;
import static org.segplan.config.ConfigValues.longValue;
import static org.segplan.config.ConfigValues.nonBlank;
import static org.segplan.config.ConfigValues.nonNegativeInt;
import static org.segplan.config.ConfigValues.number;
import static org.segplan.config.ConfigValues.optionalString;
import static org.segplan.config.ConfigValues.positiveInt;
import static org.segplan.config.ConfigValues.share;
import static org.segplan.config.ConfigValues.stringList;
import static org.segplan.config.ConfigValues.stringMap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.segplan.error.Errors;
import org.segplan.segment.ExplanationSettings;
import org.segplan.segment.SegmentationAlgorithm;
import org.segplan.segment.SegmentationSettings;

/**
 * Loads configuration with the precedence command line ({@code --set}) &gt; config file &gt; embedded defaults,
 * rejects unknown keys and credentials, and validates every value once.
 */
public final class ConfigLoader {
    static final String DEFAULTS_RESOURCE = "segplan-defaults.conf";
    private static final String ROOT = ConfigValues.ROOT;
    private static final String RUN_DATE_KEY = "segplan.run.date";
    /** Maps whose keys are passed through to Spark, so any key is allowed inside them. */
    private static final Set<String> FREE_FORM_PATHS = Set.of(
            "segplan.spark.settings",
            "segplan.inputs.customers.options",
            "segplan.inputs.transactions.options",
            "segplan.inputs.products.options",
            "segplan.inputs.distribution-centers.options",
            "segplan.inputs.calendar.options",
            // Column mappings are validated by MappingSettings, which knows their nested structure.
            "segplan.inputs.customers.mapping",
            "segplan.inputs.transactions.mapping",
            "segplan.inputs.products.mapping",
            "segplan.inputs.distribution-centers.mapping",
            "segplan.inputs.calendar.mapping");
    private static final List<String> SECRET_MARKERS = List.of("secret", "password", "access.key", "session.token");

    private ConfigLoader() {
    }

    /** Loads the defaults alone, with overrides. */
    public static SegplanConfig load(List<String> overrides) {
        return load(Optional.empty(), overrides);
    }

    /** The configuration alone (a run date, when set, is still checked). */
    public static SegplanConfig load(Optional<Path> configFile, List<String> overrides) {
        return merge(configFile, overrides, Optional.empty()).config();
    }

    /**
     * The configuration of a run and its date: {@code runDateArgument} (the command line's --run-date) when given,
     * else segplan.run.date, parsed here and only here; a run without either fails.
     */
    public static ConfiguredRun loadRun(Optional<Path> configFile, List<String> overrides,
            Optional<String> runDateArgument) {
        Loaded loaded = merge(configFile, overrides, runDateArgument);
        LocalDate runDate = loaded.runDate().orElseThrow(() -> Errors.missingConfigValue(RUN_DATE_KEY,
                "pass --run-date yyyy-MM-dd or set " + RUN_DATE_KEY + " in the config file"));
        return new ConfiguredRun(loaded.config(), runDate);
    }

    /** Precedence: --run-date &gt; --set &gt; the file &gt; the defaults. */
    private static Loaded merge(Optional<Path> configFile, List<String> overrides, Optional<String> runDateArgument) {
        Config defaults = ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), DEFAULTS_RESOURCE,
                ConfigParseOptions.defaults().setAllowMissing(false));
        Config file = configFile.map(ConfigLoader::parseFile).orElse(ConfigFactory.empty());
        Config commandLine = parseOverrides(overrides);
        if (runDateArgument.isPresent()) {
            commandLine = commandLine.withValue(RUN_DATE_KEY, ConfigValueFactory.fromAnyRef(runDateArgument.get()));
        }
        rejectUnknownKeys(file, defaults, "file " + configFile.map(Path::toString).orElse(""));
        rejectUnknownKeys(commandLine, defaults, "command line --set");
        Config merged;
        try {
            merged = commandLine.withFallback(file).withFallback(defaults).resolve();
        } catch (ConfigException exception) {
            throw Errors.configSyntax("(substitution)", exception.getMessage(), exception);
        }
        rejectSecrets(merged.getConfig("segplan.spark.settings"), "segplan.spark.settings");
        Config root = merged.getConfig(ROOT);
        return new Loaded(toTyped(merged), optionalString(root, "run.date").map(ConfigLoader::parseRunDate));
    }

    private record Loaded(SegplanConfig config, Optional<LocalDate> runDate) {
    }

    private static Config parseFile(Path path) {
        if (!Files.isReadable(path)) {
            throw Errors.configFileNotFound(path.toString());
        }
        try {
            return ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException exception) {
            throw Errors.configSyntax("file " + path, exception.getMessage(), exception);
        }
    }

    private static Config parseOverrides(List<String> overrides) {
        Config result = ConfigFactory.empty();
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw Errors.invalidOverride(override);
            }
            String key = override.substring(0, equals).trim();
            String value = override.substring(equals + 1).trim();
            try {
                Config parsed = ConfigFactory.parseString(key + " = " + quoteIfPlain(value));
                result = parsed.withFallback(result);
            } catch (ConfigException exception) {
                throw Errors.invalidOverride(override);
            }
        }
        return result;
    }

    /** Lets users write --set segplan.lakehouse.root=s3a://bucket/x without HOCON quoting. */
    private static String quoteIfPlain(String value) {
        if (value.startsWith("[") || value.startsWith("{") || value.startsWith("\"") || value.equals("null")
                || value.matches("-?[0-9]+(\\.[0-9]+)?") || value.equals("true") || value.equals("false")) {
            return value;
        }
        return ConfigValueFactoryQuote.quote(value);
    }

    private static void rejectUnknownKeys(Config user, Config defaults, String origin) {
        walk(user.root(), "", defaults, origin);
    }

    private static void walk(ConfigObject object, String prefix, Config defaults, String origin) {
        if (FREE_FORM_PATHS.contains(prefix)) {
            return;
        }
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String path = prefix.isEmpty() ? quoteKey(entry.getKey()) : prefix + "." + quoteKey(entry.getKey());
            if (!defaults.hasPathOrNull(path)) {
                throw Errors.unknownConfigKey(path, origin, knownChildren(defaults, prefix));
            }
            if (entry.getValue().valueType() == ConfigValueType.OBJECT) {
                walk((ConfigObject) entry.getValue(), path, defaults, origin);
            }
        }
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    }

    private static List<String> knownChildren(Config defaults, String prefix) {
        if (prefix.isEmpty()) {
            return List.of(ROOT);
        }
        if (!defaults.hasPath(prefix)) {
            return List.of();
        }
        return new ArrayList<>(new TreeSet<>(defaults.getObject(prefix).keySet()));
    }

    private static void rejectSecrets(Config settings, String prefix) {
        for (Map.Entry<String, ConfigValue> entry : settings.entrySet()) {
            String key = String.join(".", ConfigUtil.splitPath(entry.getKey())).toLowerCase(Locale.ROOT);
            for (String marker : SECRET_MARKERS) {
                if (key.contains(marker)) {
                    throw Errors.secretInConfiguration(prefix + "." + entry.getKey());
                }
            }
        }
    }

    private static SegplanConfig toTyped(Config merged) {
        Config root = merged.getConfig(ROOT);
        SparkSettings spark = new SparkSettings(
                nonBlank(root, "spark.master"),
                nonBlank(root, "spark.app-name"),
                positiveInt(root, "spark.shuffle-partitions"),
                stringMap(root.getConfig("spark.settings")));
        String lakehouseRoot = nonBlank(root, "lakehouse.root");
        Map<String, InputSpec> inputs = new LinkedHashMap<>();
        for (String key : List.of("customers", "transactions", "products", "distribution-centers", "calendar")) {
            Config input = root.getConfig("inputs." + key);
            String table = key.replace('-', '_');
            String prefix = "inputs." + key + ".";
            // path = null: the input is not provided at all (allowed only for inputs with required = false).
            String path = optionalString(root, prefix + "path").orElse(null);
            if (path == null && bool(root, prefix + "required")) {
                throw Errors.missingConfigValue("segplan." + prefix + "path",
                        "give the input's location, or set segplan." + prefix + "required = false to run without it");
            }
            if (path != null && path.isBlank()) {
                throw Errors.invalidConfigValue("segplan." + prefix + "path", path, "it is blank",
                        "give a location, or null to run without this optional input");
            }
            inputs.put(table, new InputSpec(
                    table,
                    path,
                    ConfigValues.inputFormat("segplan." + prefix + "format", nonBlank(root, prefix + "format")),
                    stringMap(input.getConfig("options")),
                    bool(root, prefix + "required"),
                    MappingSettings.parse(root, key)));
        }
        double maxShare = number(root, "validation.max-quarantine-share");
        if (maxShare < 0 || maxShare > 1) {
            throw Errors.invalidConfigValue("segplan.validation.max-quarantine-share", maxShare,
                    "it is a share of rows", "give a number between 0 and 1");
        }
        ValidationSettings validation = new ValidationSettings(maxShare,
                optionalString(root, "validation.timestamp-format"),
                optionalString(root, "validation.date-format"),
                AnonymousTransactions.parse("segplan.validation.anonymous-transactions",
                        nonBlank(root, "validation.anonymous-transactions")));
        int urgentDays = nonNegativeInt(root, "features.urgent-lead-time-days");
        return new SegplanConfig(spark, lakehouseRoot, inputs, validation, new FeatureSettings(urgentDays),
                segmentation(root),
                explanation(root),
                ClassifySettingsParser.parse(root),
                ForecastConfig.parse(root),
                AllocationSettings.parse(root),
                QualityGateSettings.parse(root),
                hash(merged));
    }

    private static SegmentationSettings segmentation(Config root) {
        SegmentationAlgorithm algorithm = ConfigNames.parse("segplan.segmentation.algorithm",
                nonBlank(root, "segmentation.algorithm"), SegmentationAlgorithm.values(),
                SegmentationAlgorithm::configName, "segmentation algorithm");
        int kMin = positiveInt(root, "segmentation.k-min");
        int kMax = positiveInt(root, "segmentation.k-max");
        if (kMin < 2 || kMax < kMin) {
            throw Errors.invalidConfigValue("segplan.segmentation.k-min", kMin + ".." + kMax,
                    "the range must have 2 <= k-min <= k-max", "for example k-min = 2, k-max = 8");
        }
        OptionalInt fixedK = OptionalInt.empty();
        if (root.hasPath("segmentation.k")) {
            int k = positiveInt(root, "segmentation.k");
            if (k < 2) {
                throw Errors.invalidConfigValue("segplan.segmentation.k", k, "a segmentation needs two segments or more",
                        "set k >= 2, or null to choose k by silhouette");
            }
            fixedK = OptionalInt.of(k);
        }
        List<String> features = stringList(root, "segmentation.features");
        return new SegmentationSettings(algorithm, kMin, kMax, fixedK, longValue(root, "segmentation.seed"),
                positiveInt(root, "segmentation.max-iterations"), positiveInt(root, "segmentation.initializations"),
                positiveInt(root, "segmentation.selection-sample-size"),
                features, bool(root, "segmentation.missing-indicators"),
                share(root, "segmentation.borderline-probability"));
    }

    private static ExplanationSettings explanation(Config root) {
        int depth = positiveInt(root, "explanation.max-depth");
        if (depth > ExplanationSettings.DEEPEST) {
            throw Errors.invalidConfigValue("segplan.explanation.max-depth", depth, "MLlib decision trees are at most "
                    + ExplanationSettings.DEEPEST + " levels deep", "use a depth from 1 to 6 for readable rules");
        }
        return new ExplanationSettings(depth, longValue(root, "explanation.seed"));
    }

    private static LocalDate parseRunDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException exception) {
            throw Errors.invalidConfigValue(RUN_DATE_KEY, value, "it is not a date",
                    "write it as yyyy-MM-dd, e.g. 2025-12-31 (with --run-date or " + RUN_DATE_KEY + ")");
        }
    }

    private static String hash(Config merged) {
        // Run date is excluded: it is recorded on its own, and the hash identifies the settings.
        String rendered = merged.withoutPath(RUN_DATE_KEY).getConfig(ROOT).root()
                .render(ConfigRenderOptions.concise());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rendered.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", exception);
        }
    }
}
