package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: customers per (rule set, rule segment, data-driven segment), to read how domain segments and
 * the k-means segments overlap. Within a rule set the customers add up to every customer.
 */
public final class SegmentRuleCrosstabTable {
    public static final String NAME = "segment_rule_crosstab";

    public static final String RULE_SET = "rule_set";
    public static final String RULE_SEGMENT = "rule_segment";
    /** The data-driven segment (customer_segments); null for customers without one. */
    public static final String SEGMENT_ID = "segment_id";
    public static final String CUSTOMERS = "customers";
    /** customers / customers of this rule segment. */
    public static final String SHARE_OF_RULE_SEGMENT = "share_of_rule_segment";
    /** customers / customers of this data-driven segment (within the rule set). */
    public static final String SHARE_OF_SEGMENT = "share_of_segment";

    public static final StructType SCHEMA = new StructType()
            .add(RULE_SET, StringType, false)
            .add(RULE_SEGMENT, StringType, false)
            .add(SEGMENT_ID, IntegerType, true)
            .add(CUSTOMERS, LongType, false)
            .add(SHARE_OF_RULE_SEGMENT, DoubleType, false)
            .add(SHARE_OF_SEGMENT, DoubleType, false);

    private SegmentRuleCrosstabTable() {
    }
}
