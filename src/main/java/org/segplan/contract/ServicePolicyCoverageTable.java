package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Output contract: one row per catalogue policy with the segments and customers it covers (0 when unused). */
public final class ServicePolicyCoverageTable {
    public static final String NAME = "service_policy_coverage";

    public static final String POLICY_NAME = Columns.POLICY_NAME;
    public static final String TARGET_SERVICE_LEVEL = Columns.TARGET_SERVICE_LEVEL;
    public static final String MAX_LEAD_TIME_DAYS = SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS;
    public static final String CONSOLIDATION = Columns.CONSOLIDATION;
    public static final String SEGMENTS = Columns.SEGMENTS;
    /** The data-driven segments mapped to the policy, ascending. */
    public static final String SEGMENT_IDS = "segment_ids";
    public static final String CUSTOMERS = Columns.CUSTOMERS;
    public static final String CUSTOMER_SHARE = Columns.CUSTOMER_SHARE;
    public static final String REVENUE_SHARE = Columns.REVENUE_SHARE;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(POLICY_NAME),
            required(TARGET_SERVICE_LEVEL),
            required(MAX_LEAD_TIME_DAYS, IntegerType, "The longest lead time, in days, the policy allows"),
            required(CONSOLIDATION),
            required(SEGMENTS, "Segments mapped to the policy"),
            required(SEGMENT_IDS, DataTypes.createArrayType(IntegerType, false),
                    "The data-driven segments mapped to the policy, ascending"),
            required(CUSTOMERS, "Customers of those segments"),
            required(CUSTOMER_SHARE),
            required(REVENUE_SHARE)));

    public static final StructType SCHEMA = CONTRACT.schema();

    private ServicePolicyCoverageTable() {
    }
}
