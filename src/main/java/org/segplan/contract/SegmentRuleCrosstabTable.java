package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: customers per (rule set, rule segment, data-driven segment), to read how domain segments and
 * the k-means segments overlap. Within a rule set the customers add up to every customer.
 */
public final class SegmentRuleCrosstabTable {
    public static final String NAME = "segment_rule_crosstab";

    public static final String RULE_SET = Columns.RULE_SET;
    public static final String RULE_SEGMENT = Columns.RULE_SEGMENT;
    /** The data-driven segment (customer_segments); null for customers without one. */
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String CUSTOMERS = Columns.CUSTOMERS;
    /** customers / customers of this rule segment. */
    public static final String SHARE_OF_RULE_SEGMENT = "share_of_rule_segment";
    /** customers / customers of this data-driven segment (within the rule set). */
    public static final String SHARE_OF_SEGMENT = "share_of_segment";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(RULE_SET),
            key(RULE_SEGMENT),
            nullable(SEGMENT_ID, "The data-driven segment; null for customers without one"),
            required(CUSTOMERS, "Customers in both"),
            required(SHARE_OF_RULE_SEGMENT, DoubleType, "customers / customers of this rule segment"),
            required(SHARE_OF_SEGMENT, DoubleType, "customers / customers of this data-driven segment (within the rule set)")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentRuleCrosstabTable() {
    }
}
