package org.segplan.config;

import static org.segplan.config.ConfigValues.ROOT;
import static org.segplan.config.ConfigValues.bool;
import static org.segplan.config.ConfigValues.nonBlank;
import static org.segplan.config.ConfigValues.number;
import static org.segplan.config.ConfigValues.positiveInt;
import static org.segplan.config.ConfigValues.share;
import static org.segplan.config.ConfigValues.stringList;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.segplan.error.Errors;
import org.segplan.forecast.Bucket;
import org.segplan.forecast.ForecastSettings;
import org.segplan.forecast.model.EngineSettings;
import org.segplan.forecast.model.ModelName;
import org.segplan.forecast.model.SelectionMetric;

/**
 * Reads and validates {@code segplan.forecast} into the forecast domain's {@link ForecastSettings} (defaults in
 * segplan-defaults.conf).
 */
final class ForecastConfig {
    private static final String SECTION = "forecast.";
    private static final Set<String> LEAD_TIME_KEYS = Set.of("category", "days");

    private ForecastConfig() {
    }

    static ForecastSettings parse(Config root) {
        String bucketName = nonBlank(root, SECTION + "bucket");
        Bucket bucket = Bucket.parse(bucketName).orElseThrow(() -> Errors.invalidConfigValue(ROOT + ".forecast.bucket",
                bucketName, "demand is summed by week or by month", "write \"week\" or \"month\""));
        String metricName = nonBlank(root, SECTION + "metric");
        SelectionMetric metric = SelectionMetric.parse(metricName).orElseThrow(() -> Errors.invalidConfigValue(
                ROOT + ".forecast.metric", metricName, "the best model is chosen by wape or mase", "write \"wape\" or \"mase\""));
        List<ModelName> models = new ArrayList<>();
        for (String name : stringList(root, SECTION + "models")) {
            ModelName model = ModelName.parse(name).orElseThrow(() -> Errors.invalidConfigValue(
                    ROOT + ".forecast.models", name, "it is not a model segplan knows",
                    "choose from " + java.util.Arrays.stream(ModelName.values()).map(ModelName::configName).toList()));
            if (!models.contains(model)) {
                models.add(model);
            }
        }
        if (models.isEmpty()) {
            throw Errors.invalidConfigValue(ROOT + ".forecast.models", "[]", "at least one model must be enabled",
                    "list models, e.g. [\"seasonal-naive\", \"ses\", \"holt\"]");
        }
        int horizon = positiveInt(root, SECTION + "horizon");
        int backtestHorizon = root.getIsNull(SECTION + "backtest-horizon") ? horizon
                : positiveInt(root, SECTION + "backtest-horizon");
        double adi = number(root, SECTION + "intermittent.adi-threshold");
        double cv2 = number(root, SECTION + "intermittent.cv2-threshold");
        if (adi < 1) {
            throw Errors.invalidConfigValue(ROOT + ".forecast.intermittent.adi-threshold", adi,
                    "the average interval between demands is at least 1 bucket", "give a number >= 1, e.g. 1.32");
        }
        if (cv2 < 0) {
            throw Errors.invalidConfigValue(ROOT + ".forecast.intermittent.cv2-threshold", cv2,
                    "a squared coefficient of variation is never negative", "give a number >= 0, e.g. 0.49");
        }
        double serviceLevel = share(root, SECTION + "default-service-level");
        if (serviceLevel <= 0 || serviceLevel >= 1) {
            throw Errors.invalidConfigValue(ROOT + ".forecast.default-service-level", serviceLevel,
                    "a service level of 0 or 1 has no finite safety stock", "give a probability strictly between 0 and 1, e.g. 0.95");
        }
        EngineSettings engine = new EngineSettings(horizon, bucket.seasonLength(),
                positiveInt(root, SECTION + "backtest-folds"), backtestHorizon, positiveInt(root, SECTION + "backtest-step"),
                metric, positiveInt(root, SECTION + "min-history"), adi, cv2,
                smoothing(root, SECTION + "intermittent.size-smoothing"),
                smoothing(root, SECTION + "intermittent.probability-smoothing"), models,
                bool(root, SECTION + "calendar-effects"), true);
        return new ForecastSettings(bucket, bool(root, SECTION + "by-region"), engine,
                positiveInt(root, SECTION + "replenishment-lead-time-days"), leadTimes(root), serviceLevel);
    }

    private static double smoothing(Config root, String key) {
        double value = number(root, key);
        if (value <= 0 || value > 1) {
            throw Errors.invalidConfigValue(ROOT + "." + key, value, "a smoothing constant is in (0, 1]",
                    "give a number such as 0.1");
        }
        return value;
    }

    /** {@code lead-time-by-category = [{category = "vehicle", days = 28}]}: a list, so its keys are checked here. */
    private static Map<String, Integer> leadTimes(Config root) {
        String key = ROOT + ".forecast.lead-time-by-category";
        List<? extends Config> entries;
        try {
            entries = root.getConfigList(SECTION + "lead-time-by-category");
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(key, root.getValue(SECTION + "lead-time-by-category").unwrapped(),
                    "it is a list of {category, days} objects", "write [{category = \"vehicle\", days = 28}]");
        }
        Map<String, Integer> result = new TreeMap<>();
        for (Config entry : entries) {
            for (Map.Entry<String, ConfigValue> field : entry.root().entrySet()) {
                if (!LEAD_TIME_KEYS.contains(field.getKey())) {
                    throw Errors.unknownConfigKey(key + "[]." + field.getKey(), "lead-time-by-category",
                            List.copyOf(new java.util.TreeSet<>(LEAD_TIME_KEYS)));
                }
            }
            if (!entry.hasPath("category") || !entry.hasPath("days")) {
                throw Errors.invalidConfigValue(key, entry.root().unwrapped(), "each entry needs a category and days",
                        "write {category = \"vehicle\", days = 28}");
            }
            String category = entry.getString("category").trim().toLowerCase(Locale.ROOT);
            int days;
            try {
                days = entry.getInt("days");
            } catch (ConfigException.WrongType exception) {
                throw Errors.invalidConfigValue(key, entry.root().unwrapped(), "days is not a whole number", "give days > 0");
            }
            if (days <= 0) {
                throw Errors.invalidConfigValue(key, entry.root().unwrapped(), "a lead time is positive", "give days > 0");
            }
            result.put(category, days);
        }
        return result;
    }
}
