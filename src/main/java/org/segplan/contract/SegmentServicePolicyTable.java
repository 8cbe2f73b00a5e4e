package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: the one service policy each data-driven segment maps to ("one need, one solution").
 * Forecasting reads the target service level for inventory targets; allocation reads the maximum lead time.
 * Written by the classify stage ({@link org.segplan.policy.ServicePolicies}): exactly one row per segment of
 * {@code segment_profiles} for the run date, the policy chosen by the first matching rule of
 * segplan.service-policies.assignment, else default-policy.
 */
public final class SegmentServicePolicyTable {
    public static final String NAME = "segment_service_policy";

    public static final String SEGMENT_ID = "segment_id";
    public static final String SEGMENT_NAME = "segment_name";
    public static final String POLICY_NAME = "policy_name";
    /** Probability of no stock-out per replenishment cycle, in (0, 1), e.g. 0.98. */
    public static final String TARGET_SERVICE_LEVEL = "target_service_level";
    /** The longest lead time, in days, the segment may be served with; allocation enforces it. */
    public static final String MAX_LEAD_TIME_DAYS = "max_lead_time_days";
    /** How orders are consolidated, e.g. "none", "weekly", "made-to-order". */
    public static final String CONSOLIDATION = "consolidation";
    /**
     * Which configured rule matched, in words, so planners see why: "rule N: &lt;when&gt;" (N counts from 1), or
     * {@link org.segplan.policy.ServicePolicies#DEFAULT_RULE}.
     */
    public static final String MATCHED_RULE = "matched_rule";

    public static final StructType SCHEMA = new StructType()
            .add(SEGMENT_ID, IntegerType, false)
            .add(SEGMENT_NAME, StringType, false)
            .add(POLICY_NAME, StringType, false)
            .add(TARGET_SERVICE_LEVEL, DoubleType, false)
            .add(MAX_LEAD_TIME_DAYS, IntegerType, false)
            .add(CONSOLIDATION, StringType, false)
            .add(MATCHED_RULE, StringType, false);

    private SegmentServicePolicyTable() {
    }
}
