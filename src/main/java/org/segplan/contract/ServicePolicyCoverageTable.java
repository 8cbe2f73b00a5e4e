package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Output contract: one row per catalogue policy with the segments and customers it covers (0 when unused). */
public final class ServicePolicyCoverageTable {
    public static final String NAME = "service_policy_coverage";

    public static final String POLICY_NAME = "policy_name";
    public static final String TARGET_SERVICE_LEVEL = "target_service_level";
    public static final String MAX_LEAD_TIME_DAYS = "max_lead_time_days";
    public static final String CONSOLIDATION = "consolidation";
    public static final String SEGMENTS = "segments";
    /** The data-driven segments mapped to the policy, ascending. */
    public static final String SEGMENT_IDS = "segment_ids";
    public static final String CUSTOMERS = "customers";
    public static final String CUSTOMER_SHARE = "customer_share";
    public static final String REVENUE_SHARE = "revenue_share";

    public static final StructType SCHEMA = new StructType()
            .add(POLICY_NAME, StringType, false)
            .add(TARGET_SERVICE_LEVEL, DoubleType, false)
            .add(MAX_LEAD_TIME_DAYS, IntegerType, false)
            .add(CONSOLIDATION, StringType, false)
            .add(SEGMENTS, IntegerType, false)
            .add(SEGMENT_IDS, DataTypes.createArrayType(IntegerType, false), false)
            .add(CUSTOMERS, LongType, false)
            .add(CUSTOMER_SHARE, DoubleType, false)
            .add(REVENUE_SHARE, DoubleType, false);

    private ServicePolicyCoverageTable() {
    }
}
