package org.segplan.config;

import static org.segplan.config.ConfigValues.number;
import static org.segplan.config.ConfigValues.positiveInt;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.segplan.classify.AbcXyzSettings;
import org.segplan.classify.ClassifySettings;
import org.segplan.classify.RuleKind;
import org.segplan.classify.RuleSetSettings;
import org.segplan.classify.SegmentRule;
import org.segplan.error.Errors;
import org.segplan.policy.Consolidation;
import org.segplan.policy.PolicyAssignment;
import org.segplan.policy.ServicePolicy;
import org.segplan.policy.ServicePolicySettings;

/**
 * Reads the classify stage's settings: domain rule sets ({@code segplan.rules}), ABC/XYZ ({@code segplan.abc-xyz})
 * and service policies ({@code segplan.service-policies}). The loader checks keys of objects against the defaults;
 * the elements of these lists are checked here, since the defaults cannot list every element.
 */
final class ClassifySettingsParser {
    private static final String ORIGIN = "list element";
    private static final List<String> RULE_SET_KEYS = List.of("name", "kind", "rules", "otherwise");
    private static final List<String> RULE_KEYS = List.of("segment", "when");
    private static final List<String> POLICY_KEYS = List.of("name", "target-service-level", "max-lead-time-days",
            "consolidation");
    private static final List<String> ASSIGNMENT_KEYS = List.of("policy", "when");

    private ClassifySettingsParser() {
    }

    /** Parses and validates the three sections of the merged {@code segplan} block. */
    static ClassifySettings parse(Config root) {
        return new ClassifySettings(ruleSets(root), abcXyz(root), servicePolicies(root));
    }

    private static List<RuleSetSettings> ruleSets(Config root) {
        List<RuleSetSettings> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Config> elements = objects(root, "rules");
        for (int index = 0; index < elements.size(); index++) {
            String path = ConfigValues.ROOT + ".rules[" + index + "]";
            Config element = elements.get(index);
            rejectUnknownKeys(element, path, RULE_SET_KEYS);
            String name = text(element, path, "name");
            if (!names.add(name)) {
                throw Errors.invalidConfigValue(path + ".name", name, "another rule set already has this name",
                        "give every rule set its own name (it is the rule_set column of customer_rule_segments)");
            }
            RuleKind kind = ConfigNames.parse(path + ".kind", text(element, path, "kind"), RuleKind.values(),
                    RuleKind::configName, "rule-set kind");
            List<SegmentRule> rules = new ArrayList<>();
            List<Config> ruleElements = objects(element, path, "rules");
            for (int ruleIndex = 0; ruleIndex < ruleElements.size(); ruleIndex++) {
                String rulePath = path + ".rules[" + ruleIndex + "]";
                Config rule = ruleElements.get(ruleIndex);
                rejectUnknownKeys(rule, rulePath, RULE_KEYS);
                rules.add(new SegmentRule(text(rule, rulePath, "segment"), text(rule, rulePath, "when")));
            }
            result.add(new RuleSetSettings(name, kind, rules, text(element, path, "otherwise")));
        }
        return result;
    }

    private static AbcXyzSettings abcXyz(Config root) {
        double a = number(root, "abc-xyz.a-cutoff");
        double b = number(root, "abc-xyz.b-cutoff");
        if (!(a > 0 && a < b && b <= 1)) {
            throw Errors.invalidConfigValue("segplan.abc-xyz.a-cutoff / b-cutoff", a + " / " + b,
                    "they are cumulative value shares and need 0 < a-cutoff < b-cutoff <= 1",
                    "for example a-cutoff = 0.8, b-cutoff = 0.95");
        }
        double x = number(root, "abc-xyz.x-max-cv");
        double y = number(root, "abc-xyz.y-max-cv");
        if (!(x > 0 && x < y)) {
            throw Errors.invalidConfigValue("segplan.abc-xyz.x-max-cv / y-max-cv", x + " / " + y,
                    "they are coefficients of variation and need 0 < x-max-cv < y-max-cv",
                    "for example x-max-cv = 0.5, y-max-cv = 1.0");
        }
        return new AbcXyzSettings(a, b, x, y, positiveInt(root, "abc-xyz.weeks"));
    }

    private static ServicePolicySettings servicePolicies(Config root) {
        String prefix = ConfigValues.ROOT + ".service-policies";
        List<ServicePolicy> catalogue = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        List<Config> entries = objects(root, "service-policies.catalogue");
        if (entries.isEmpty()) {
            throw Errors.invalidConfigValue(prefix + ".catalogue", "[]", "every segment needs a policy",
                    "list at least one policy (see segplan-defaults.conf for the default catalogue)");
        }
        for (int index = 0; index < entries.size(); index++) {
            String path = prefix + ".catalogue[" + index + "]";
            Config entry = entries.get(index);
            rejectUnknownKeys(entry, path, POLICY_KEYS);
            String name = text(entry, path, "name");
            if (!names.add(name)) {
                throw Errors.invalidConfigValue(path + ".name", name, "another policy already has this name",
                        "give every policy its own name");
            }
            double level = decimal(entry, path, "target-service-level");
            if (!(level > 0 && level < 1)) {
                throw Errors.invalidConfigValue(path + ".target-service-level", level,
                        "it is a probability of no stock-out, strictly between 0 and 1", "for example 0.95");
            }
            int leadTime = whole(entry, path, "max-lead-time-days");
            if (leadTime < 0) {
                throw Errors.invalidConfigValue(path + ".max-lead-time-days", leadTime, "it must not be negative",
                        "give a whole number of days >= 0");
            }
            catalogue.add(new ServicePolicy(name, level, leadTime,
                    ConfigNames.parse(path + ".consolidation", text(entry, path, "consolidation"),
                            Consolidation.values(), Consolidation::configName, "consolidation mode")));
        }
        List<PolicyAssignment> assignment = new ArrayList<>();
        List<Config> rules = objects(root, "service-policies.assignment");
        for (int index = 0; index < rules.size(); index++) {
            String path = prefix + ".assignment[" + index + "]";
            Config rule = rules.get(index);
            rejectUnknownKeys(rule, path, ASSIGNMENT_KEYS);
            String policy = text(rule, path, "policy");
            if (!names.contains(policy)) {
                throw Errors.unknownServicePolicy(path + ".policy", policy, names);
            }
            assignment.add(new PolicyAssignment(policy, text(rule, path, "when")));
        }
        String defaultPolicy = ConfigValues.nonBlank(root, "service-policies.default-policy");
        if (!names.contains(defaultPolicy)) {
            throw Errors.unknownServicePolicy(prefix + ".default-policy", defaultPolicy, names);
        }
        return new ServicePolicySettings(catalogue, assignment, defaultPolicy);
    }

    private static List<Config> objects(Config root, String key) {
        return objects(root, ConfigValues.ROOT, key);
    }

    /** The elements of a list of objects; anything else is an error naming the key. */
    private static List<Config> objects(Config parent, String parentPath, String key) {
        String path = parentPath + "." + key;
        if (!parent.hasPath(key)) {
            throw Errors.missingConfigValue(path, "give a list, [] for none");
        }
        ConfigValue value = parent.getValue(key);
        if (value.valueType() != ConfigValueType.LIST) {
            throw Errors.invalidConfigValue(path, value.render(ConfigRenderOptions.concise()), "it is not a list",
                    "give a list of objects such as [ { ... }, { ... } ]");
        }
        List<Config> result = new ArrayList<>();
        ConfigList list = (ConfigList) value;
        for (int index = 0; index < list.size(); index++) {
            ConfigValue element = list.get(index);
            if (element.valueType() != ConfigValueType.OBJECT) {
                throw Errors.invalidConfigValue(path + "[" + index + "]", element.render(ConfigRenderOptions.concise()),
                        "every element of this list is an object", "write it as { key = value, ... }");
            }
            result.add(((ConfigObject) element).toConfig());
        }
        return result;
    }

    private static void rejectUnknownKeys(Config element, String path, List<String> known) {
        for (String key : element.root().keySet()) {
            if (!known.contains(key)) {
                throw Errors.unknownConfigKey(path + "." + key, ORIGIN, known);
            }
        }
    }

    private static String text(Config element, String path, String key) {
        if (!element.hasPath(key)) {
            throw Errors.missingConfigValue(path + "." + key, "add " + key + " to the list element");
        }
        ConfigValue value = element.getValue(key);
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
            throw Errors.invalidConfigValue(path + "." + key, value.render(ConfigRenderOptions.concise()),
                    "it must be a single value", "give a string");
        }
        String text = String.valueOf(value.unwrapped());
        if (text.isBlank()) {
            throw Errors.invalidConfigValue(path + "." + key, text, "it is blank", "give a value");
        }
        return text;
    }

    private static double decimal(Config element, String path, String key) {
        try {
            return element.getDouble(key);
        } catch (ConfigException.Missing exception) {
            throw Errors.missingConfigValue(path + "." + key, "add " + key + " to the list element");
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(path + "." + key, element.getValue(key).unwrapped(), "it is not a number",
                    "give a number");
        }
    }

    private static int whole(Config element, String path, String key) {
        try {
            return element.getInt(key);
        } catch (ConfigException.Missing exception) {
            throw Errors.missingConfigValue(path + "." + key, "add " + key + " to the list element");
        } catch (ConfigException.WrongType exception) {
            throw Errors.invalidConfigValue(path + "." + key, element.getValue(key).unwrapped(),
                    "it is not a whole number", "give a whole number");
        }
    }
}
