package org.segplan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.error.SegplanException;
import org.segplan.testing.SharedSpark;

class DomainRulesTest {
    private static final StructType FEATURES = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("monetary", DataTypes.DoubleType)
            .add("recency_days", DataTypes.IntegerType)
            .add("city_type", DataTypes.StringType);

    private static Dataset<Row> customers() {
        return SharedSpark.get().createDataFrame(List.of(
                RowFactory.create("c1", 9000.0, 10, "urban"),
                RowFactory.create("c2", 3000.0, 400, "rural"),
                RowFactory.create("c3", 200.0, 20, "suburban"),
                RowFactory.create("c4", null, null, null)), FEATURES);
    }

    private static final RuleSetSettings VALUE = new RuleSetSettings("value", RuleKind.VALUE, List.of(
            new SegmentRule("high", "monetary >= 5000"),
            // c1 also satisfies this one: the first match must win.
            new SegmentRule("medium", "monetary >= 1000"),
            new SegmentRule("lost-buyer", "recency_days > 365")), "low");
    private static final RuleSetSettings GEOGRAPHY = new RuleSetSettings("geography", RuleKind.GEOGRAPHIC, List.of(
            new SegmentRule("city", "city_type = 'urban'")), "outside-cities");

    private static Map<String, String> segments(Dataset<Row> assigned, String ruleSet) {
        Map<String, String> result = new TreeMap<>();
        assigned.where(assigned.col(CustomerRuleSegmentsTable.RULE_SET).equalTo(ruleSet)).collectAsList()
                .forEach(row -> result.put(row.getString(0),
                        row.<String>getAs(CustomerRuleSegmentsTable.RULE_SEGMENT) + " by "
                                + row.<String>getAs(CustomerRuleSegmentsTable.MATCHED_RULE)));
        return result;
    }

    @Test
    void firstMatchingRuleWinsAndOtherwiseTakesTheRest() {
        Dataset<Row> assigned = DomainRules.assign(customers(), List.of(VALUE, GEOGRAPHY));
        assertEquals(List.of(CustomerRuleSegmentsTable.SCHEMA.fieldNames()), List.of(assigned.columns()));
        assertEquals(8, assigned.count(), "one row per customer per rule set");
        assertEquals(Map.of(
                "c1", "high by monetary >= 5000",
                "c2", "medium by monetary >= 1000",
                "c3", "low by otherwise",
                // Null features make every condition null, which counts as no match.
                "c4", "low by otherwise"), segments(assigned, "value"));
        assertEquals(Map.of(
                "c1", "city by city_type = 'urban'",
                "c2", "outside-cities by otherwise",
                "c3", "outside-cities by otherwise",
                "c4", "outside-cities by otherwise"), segments(assigned, "geography"));
        assertEquals("geographic", assigned.where("rule_set = 'geography'").head()
                .<String>getAs(CustomerRuleSegmentsTable.RULE_KIND));
    }

    @Test
    void noRuleSetsGiveAnEmptyTableWithItsColumns() {
        Dataset<Row> assigned = DomainRules.assign(customers(), List.of());
        assertEquals(0, assigned.count());
        assertEquals(List.of(CustomerRuleSegmentsTable.SCHEMA.fieldNames()), List.of(assigned.columns()));
    }

    @Test
    void aRuleNamingAMissingColumnIsAClearError() {
        RuleSetSettings typo = new RuleSetSettings("lifecycle", RuleKind.LIFECYCLE, List.of(
                new SegmentRule("new", "tenure_days < 90"),
                new SegmentRule("lost", "recency_dayz > 365")), "active");
        SegplanException error = assertThrows(SegplanException.class,
                () -> DomainRules.assign(customers().withColumn("tenure_days",
                        org.apache.spark.sql.functions.col("recency_days")), List.of(typo)));
        assertEquals("RULE_UNKNOWN_COLUMN", error.code());
        String message = error.getMessage();
        assertTrue(message.contains("Rule set 'lifecycle', rule 2 (segment 'lost')"), message);
        assertTrue(message.contains("'recency_dayz'"), message);
        assertTrue(message.contains("recency_days") && message.contains("monetary") && message.contains("city_type"),
                "lists the columns available: " + message);
    }

    @Test
    void aRuleThatIsNotAConditionOrNotSqlIsAClearError() {
        SegplanException number = assertThrows(SegplanException.class, () -> DomainRules.assign(customers(),
                List.of(new RuleSetSettings("value", RuleKind.VALUE, List.of(new SegmentRule("x", "monetary * 2")),
                        "low"))));
        assertEquals("RULE_NOT_BOOLEAN", number.code());
        assertTrue(number.getMessage().contains("double"), number.getMessage());
        SegplanException syntax = assertThrows(SegplanException.class, () -> DomainRules.assign(customers(),
                List.of(new RuleSetSettings("value", RuleKind.VALUE, List.of(new SegmentRule("x", "monetary >= AND 2")),
                        "low"))));
        assertEquals("RULE_INVALID_EXPRESSION", syntax.code());
    }

    @Test
    void crosstabCountsAndSharesAddUp() {
        Dataset<Row> assigned = DomainRules.assign(customers(), List.of(VALUE));
        Dataset<Row> dataDriven = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create("c1", 1), RowFactory.create("c2", 1), RowFactory.create("c3", 2),
                RowFactory.create("c4", 2)), new StructType().add("customer_id", DataTypes.StringType)
                .add("segment_id", DataTypes.IntegerType));
        Map<String, String> cells = new TreeMap<>();
        DomainRules.crosstab(assigned, dataDriven).collectAsList().forEach(row -> cells.put(
                row.<String>getAs(SegmentRuleCrosstabTable.RULE_SEGMENT) + "/" + row.getAs(SegmentRuleCrosstabTable.SEGMENT_ID),
                row.getAs(SegmentRuleCrosstabTable.CUSTOMERS) + " " + row.getAs(SegmentRuleCrosstabTable.SHARE_OF_RULE_SEGMENT)
                        + " " + row.getAs(SegmentRuleCrosstabTable.SHARE_OF_SEGMENT)));
        assertEquals(Map.of(
                "high/1", "1 1.0 0.5",
                "medium/1", "1 1.0 0.5",
                "low/2", "2 1.0 1.0"), cells);
    }
}
