package org.segplan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.classify.AbcXyzSettings;
import org.segplan.classify.ClassifySettings;
import org.segplan.classify.RuleKind;
import org.segplan.classify.RuleSetSettings;
import org.segplan.classify.SegmentRule;
import org.segplan.error.SegplanException;
import org.segplan.policy.Consolidation;
import org.segplan.policy.ServicePolicy;

class ClassifySettingsTest {
    @TempDir
    Path folder;

    private ClassifySettings load(String text) throws IOException {
        Path path = folder.resolve("classify.conf");
        Files.writeString(path, text);
        return ConfigLoader.load(Optional.of(path), List.of()).classify();
    }

    private SegplanException failure(String text) {
        return assertThrows(SegplanException.class, () -> load(text));
    }

    @Test
    void defaultsHaveNoRulesTheDocumentedCutoffsAndFourPolicies() {
        ClassifySettings settings = ConfigLoader.load(List.of()).classify();
        assertEquals(List.of(), settings.ruleSets());
        assertEquals(new AbcXyzSettings(0.8, 0.95, 0.5, 1.0, 52), settings.abcXyz());
        assertEquals(List.of(
                new ServicePolicy("premium-fast-response", 0.98, 2, Consolidation.NONE),
                new ServicePolicy("standard", 0.95, 5, Consolidation.DAILY),
                new ServicePolicy("economy-consolidated", 0.90, 10, Consolidation.WEEKLY),
                new ServicePolicy("made-to-order", 0.85, 30, Consolidation.MADE_TO_ORDER)),
                settings.servicePolicies().catalogue());
        assertEquals("standard", settings.servicePolicies().defaultPolicy());
        assertEquals("premium-fast-response", settings.servicePolicies().assignment().get(0).policy());
        assertEquals(4, settings.servicePolicies().assignment().size());
    }

    @Test
    void ruleSetsAreReadInOrder() throws IOException {
        ClassifySettings settings = load("""
                segplan.rules = [
                  { name = "value", kind = "value", otherwise = "low", rules = [
                    { segment = "high", when = "monetary >= 5000" }, { segment = "medium", when = "monetary >= 1000" } ] }
                  { name = "where", kind = "geographic", otherwise = "elsewhere", rules = [] }
                ]
                segplan.abc-xyz { a-cutoff = 0.7, weeks = 26 }
                """);
        assertEquals(List.of(
                new RuleSetSettings("value", RuleKind.VALUE, List.of(new SegmentRule("high", "monetary >= 5000"),
                        new SegmentRule("medium", "monetary >= 1000")), "low"),
                new RuleSetSettings("where", RuleKind.GEOGRAPHIC, List.of(), "elsewhere")), settings.ruleSets());
        assertEquals(new AbcXyzSettings(0.7, 0.95, 0.5, 1.0, 26), settings.abcXyz());
    }

    @Test
    void theShippedLocalConfigurationHasARuleSetOfEveryKind() {
        ClassifySettings settings = ConfigLoader.load(Optional.of(Path.of("conf", "local.conf")), List.of()).classify();
        assertEquals(List.of(RuleKind.values()), settings.ruleSets().stream().map(RuleSetSettings::kind).sorted().toList());
    }

    @Test
    void unknownKeysInsideListElementsAreErrorsNamingTheKey() {
        SegplanException inRule = failure("""
                segplan.rules = [ { name = "value", kind = "value", otherwise = "low", rules = [
                  { segment = "high", when = "monetary >= 5000", priority = 1 } ] } ]
                """);
        assertEquals("UNKNOWN_CONFIG_KEY", inRule.code());
        assertTrue(inRule.getMessage().contains("segplan.rules[0].rules[0].priority"), inRule.getMessage());
        assertTrue(inRule.getMessage().contains("segment, when"), inRule.getMessage());
        SegplanException inRuleSet = failure("""
                segplan.rules = [ { name = "value", kind = "value", otherwise = "low", rules = [], descripton = "x" } ]
                """);
        assertTrue(inRuleSet.getMessage().contains("segplan.rules[0].descripton"), inRuleSet.getMessage());
        SegplanException inPolicy = failure("""
                segplan.service-policies.catalogue = [ { name = "only", target-service-level = 0.9,
                  max-lead-time-days = 3, consolidation = "none", colour = "red" } ]
                segplan.service-policies.assignment = []
                segplan.service-policies.default-policy = "only"
                """);
        assertTrue(inPolicy.getMessage().contains("segplan.service-policies.catalogue[0].colour"), inPolicy.getMessage());
    }

    @Test
    void anUnknownPolicyIsAnErrorListingTheCatalogue() {
        SegplanException assignment = failure("""
                segplan.service-policies.assignment = [ { policy = "express", when = "urgent_order_share > 0.5" } ]
                """);
        assertEquals("UNKNOWN_SERVICE_POLICY", assignment.code());
        assertTrue(assignment.getMessage().contains("segplan.service-policies.assignment[0].policy"),
                assignment.getMessage());
        assertTrue(assignment.getMessage().contains("'express'"), assignment.getMessage());
        assertTrue(assignment.getMessage().contains(
                "[economy-consolidated, made-to-order, premium-fast-response, standard]"), assignment.getMessage());
        assertEquals("UNKNOWN_SERVICE_POLICY",
                failure("segplan.service-policies.default-policy = \"gold\"").code());
    }

    @Test
    void badValuesAndDuplicatesNameTheKey() {
        SegplanException duplicate = failure("""
                segplan.rules = [ { name = "value", kind = "value", otherwise = "a", rules = [] },
                                  { name = "value", kind = "needs", otherwise = "b", rules = [] } ]
                """);
        assertEquals("INVALID_CONFIG_VALUE", duplicate.code());
        assertTrue(duplicate.getMessage().contains("segplan.rules[1].name"), duplicate.getMessage());
        SegplanException kind = failure("""
                segplan.rules = [ { name = "value", kind = "astrological", otherwise = "a", rules = [] } ]
                """);
        assertTrue(kind.getMessage().contains("segplan.rules[0].kind") && kind.getMessage().contains("lifecycle"),
                kind.getMessage());
        assertEquals("MISSING_CONFIG_VALUE", failure("""
                segplan.rules = [ { name = "value", kind = "value", rules = [] } ]
                """).code());
        assertEquals("INVALID_CONFIG_VALUE", failure("segplan.abc-xyz { a-cutoff = 0.96 }").code());
        assertEquals("INVALID_CONFIG_VALUE", failure("segplan.abc-xyz { b-cutoff = 1.2 }").code());
        assertEquals("INVALID_CONFIG_VALUE", failure("segplan.abc-xyz { x-max-cv = 1.5 }").code());
        assertEquals("INVALID_CONFIG_VALUE", failure("segplan.abc-xyz { weeks = 0 }").code());
        SegplanException level = failure("""
                segplan.service-policies.catalogue = [ { name = "only", target-service-level = 1.0,
                  max-lead-time-days = 3, consolidation = "none" } ]
                segplan.service-policies { assignment = [], default-policy = "only" }
                """);
        assertTrue(level.getMessage().contains("catalogue[0].target-service-level"), level.getMessage());
        SegplanException consolidation = failure("""
                segplan.service-policies.catalogue = [ { name = "only", target-service-level = 0.9,
                  max-lead-time-days = 3, consolidation = "monthly" } ]
                segplan.service-policies { assignment = [], default-policy = "only" }
                """);
        assertTrue(consolidation.getMessage().contains("made-to-order"), consolidation.getMessage());
        assertEquals("UNKNOWN_CONFIG_KEY", failure("segplan.abc-xyz { c-cutoff = 0.99 }").code());
    }
}
