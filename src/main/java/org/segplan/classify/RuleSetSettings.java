package org.segplan.classify;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A named, ordered list of rules; the first rule that matches a customer wins, else {@code otherwise}. */
public record RuleSetSettings(String name, RuleKind kind, List<SegmentRule> rules, String otherwise) {
    public RuleSetSettings {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireNonNull(otherwise, "otherwise is null");
    }
}
