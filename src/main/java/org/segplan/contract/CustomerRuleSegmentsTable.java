package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: the domain segment of every customer in every configured rule set (segplan.rules). */
public final class CustomerRuleSegmentsTable {
    public static final String NAME = "customer_rule_segments";

    public static final String CUSTOMER_ID = "customer_id";
    public static final String RULE_SET = "rule_set";
    /** demographic, economic, geographic, psychographic, value, needs, lifecycle or behaviour. */
    public static final String RULE_KIND = "rule_kind";
    public static final String RULE_SEGMENT = "rule_segment";
    /** The {@code when} text of the first rule that matched, or {@link #OTHERWISE}. */
    public static final String MATCHED_RULE = "matched_rule";
    public static final String OTHERWISE = "otherwise";

    public static final StructType SCHEMA = new StructType()
            .add(CUSTOMER_ID, StringType, false)
            .add(RULE_SET, StringType, false)
            .add(RULE_KIND, StringType, false)
            .add(RULE_SEGMENT, StringType, false)
            .add(MATCHED_RULE, StringType, false);

    private CustomerRuleSegmentsTable() {
    }
}
