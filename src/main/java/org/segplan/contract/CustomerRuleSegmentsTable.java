package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: the domain segment of every customer in every configured rule set (segplan.rules). */
public final class CustomerRuleSegmentsTable {
    public static final String NAME = "customer_rule_segments";

    public static final String CUSTOMER_ID = Columns.CUSTOMER_ID;
    public static final String RULE_SET = Columns.RULE_SET;
    /** demographic, economic, geographic, psychographic, value, needs, lifecycle or behaviour. */
    public static final String RULE_KIND = "rule_kind";
    public static final String RULE_SEGMENT = Columns.RULE_SEGMENT;
    /** The {@code when} text of the first rule that matched, or {@link #OTHERWISE}. */
    public static final String MATCHED_RULE = Columns.MATCHED_RULE;
    public static final String OTHERWISE = "otherwise";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(CUSTOMER_ID),
            key(RULE_SET),
            required(RULE_KIND, StringType,
                    "demographic, economic, geographic, psychographic, value, needs, lifecycle or behaviour"),
            required(RULE_SEGMENT),
            required(MATCHED_RULE, "The when text of the first rule that matched, or otherwise")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private CustomerRuleSegmentsTable() {
    }
}
