package org.segplan.classify;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.policy.BooleanExpressions;

/**
 * Domain-driven segmentation: each configured rule set puts every customer in exactly one segment, by the first
 * rule whose condition is true (one CASE WHEN per rule set, evaluated by Spark), else the rule set's otherwise.
 */
public final class DomainRules {
    private static final String ENTRY = "__rule_entry";
    private static final String CHOICE = "__choice";

    private DomainRules() {
    }

    /**
     * @param customers one row per customer with customer_id and the columns the rules name (customer_features)
     * @return customer_rule_segments rows: one per customer and rule set
     */
    public static Dataset<Row> assign(Dataset<Row> customers, List<RuleSetSettings> ruleSets) {
        if (ruleSets.isEmpty()) {
            return customers.sparkSession().createDataFrame(List.<Row>of(), CustomerRuleSegmentsTable.SCHEMA);
        }
        List<Column> entries = new ArrayList<>();
        for (RuleSetSettings ruleSet : ruleSets) {
            entries.add(struct(lit(ruleSet.name()).as(CustomerRuleSegmentsTable.RULE_SET),
                    lit(ruleSet.kind().configName()).as(CustomerRuleSegmentsTable.RULE_KIND),
                    choice(customers, ruleSet).as(CHOICE)));
        }
        return customers.select(col(CustomerRuleSegmentsTable.CUSTOMER_ID),
                        explode(array(entries.toArray(Column[]::new))).as(ENTRY))
                .select(col(CustomerRuleSegmentsTable.CUSTOMER_ID),
                        col(ENTRY + "." + CustomerRuleSegmentsTable.RULE_SET),
                        col(ENTRY + "." + CustomerRuleSegmentsTable.RULE_KIND),
                        col(ENTRY + "." + CHOICE + "." + CustomerRuleSegmentsTable.RULE_SEGMENT),
                        col(ENTRY + "." + CHOICE + "." + CustomerRuleSegmentsTable.MATCHED_RULE));
    }

    /** CASE WHEN rule 1 THEN (segment, when) WHEN rule 2 ... ELSE (otherwise, "otherwise"); null conditions fall through. */
    private static Column choice(Dataset<Row> customers, RuleSetSettings ruleSet) {
        Column chosen = null;
        for (int index = 0; index < ruleSet.rules().size(); index++) {
            SegmentRule rule = ruleSet.rules().get(index);
            Column condition = BooleanExpressions.condition(customers,
                    "Rule set '" + ruleSet.name() + "', rule " + (index + 1) + " (segment '" + rule.segment() + "')",
                    rule.when());
            Column outcome = outcome(rule.segment(), rule.when());
            chosen = chosen == null ? when(condition, outcome) : chosen.when(condition, outcome);
        }
        Column fallback = outcome(ruleSet.otherwise(), CustomerRuleSegmentsTable.OTHERWISE);
        return chosen == null ? fallback : chosen.otherwise(fallback);
    }

    private static Column outcome(String segment, String matchedRule) {
        return struct(lit(segment).as(CustomerRuleSegmentsTable.RULE_SEGMENT),
                lit(matchedRule).as(CustomerRuleSegmentsTable.MATCHED_RULE));
    }

    /**
     * @param ruleSegments customer_rule_segments rows
     * @param segments customer_segments rows (customer_id, segment_id)
     * @return segment_rule_crosstab rows
     */
    public static Dataset<Row> crosstab(Dataset<Row> ruleSegments, Dataset<Row> segments) {
        Dataset<Row> dataDriven = segments.select(col(CustomerSegmentsTable.CUSTOMER_ID),
                col(CustomerSegmentsTable.SEGMENT_ID));
        Column customers = col(SegmentRuleCrosstabTable.CUSTOMERS);
        return ruleSegments.join(dataDriven, CustomerRuleSegmentsTable.CUSTOMER_ID, "left")
                .groupBy(SegmentRuleCrosstabTable.RULE_SET, SegmentRuleCrosstabTable.RULE_SEGMENT,
                        SegmentRuleCrosstabTable.SEGMENT_ID)
                .agg(count(lit(1)).as(SegmentRuleCrosstabTable.CUSTOMERS))
                .withColumn(SegmentRuleCrosstabTable.SHARE_OF_RULE_SEGMENT, customers.divide(sum(customers).over(
                        Window.partitionBy(SegmentRuleCrosstabTable.RULE_SET, SegmentRuleCrosstabTable.RULE_SEGMENT))))
                .withColumn(SegmentRuleCrosstabTable.SHARE_OF_SEGMENT, customers.divide(sum(customers).over(
                        Window.partitionBy(SegmentRuleCrosstabTable.RULE_SET, SegmentRuleCrosstabTable.SEGMENT_ID))))
                .select(SegmentRuleCrosstabTable.SCHEMA.fieldNames()[0],
                        java.util.Arrays.copyOfRange(SegmentRuleCrosstabTable.SCHEMA.fieldNames(), 1,
                                SegmentRuleCrosstabTable.SCHEMA.fieldNames().length));
    }
}
