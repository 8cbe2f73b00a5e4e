package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
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

    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String SEGMENT_NAME = Columns.SEGMENT_NAME;
    public static final String POLICY_NAME = Columns.POLICY_NAME;
    /** Probability of no stock-out per replenishment cycle, in (0, 1), e.g. 0.98. */
    public static final String TARGET_SERVICE_LEVEL = Columns.TARGET_SERVICE_LEVEL;
    /** The longest lead time, in days, the segment may be served with; allocation enforces it. */
    public static final String MAX_LEAD_TIME_DAYS = "max_lead_time_days";
    /** How orders are consolidated, e.g. "none", "weekly", "made-to-order". */
    public static final String CONSOLIDATION = Columns.CONSOLIDATION;
    /**
     * Which configured rule matched, in words, so planners see why: "rule N: &lt;when&gt;" (N counts from 1), or
     * {@link org.segplan.policy.ServicePolicies#DEFAULT_RULE}.
     */
    public static final String MATCHED_RULE = Columns.MATCHED_RULE;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(SEGMENT_ID),
            required(SEGMENT_NAME),
            required(POLICY_NAME),
            required(TARGET_SERVICE_LEVEL),
            required(MAX_LEAD_TIME_DAYS, IntegerType,
                    "The longest lead time, in days, the segment may be served with; allocation enforces it"),
            required(CONSOLIDATION),
            required(MATCHED_RULE, "Which configured rule matched: rule N: <when>, or the default")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentServicePolicyTable() {
    }
}
