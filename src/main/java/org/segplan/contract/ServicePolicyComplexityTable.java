package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: one row per run comparing the delivery terms customers ask for with the policies that serve
 * them. A delivery term is (requested lead time bucket 0-1, 2-3, 4-7, 8-14, 15+ or unknown days; channel; order size
 * class small, medium or large by the tertiles of units per line), over the purchase lines (not returns).
 */
public final class ServicePolicyComplexityTable {
    public static final String NAME = "service_policy_complexity";

    public static final String DELIVERY_TERM_COMBINATIONS_REQUESTED = "delivery_term_combinations_requested";
    public static final String POLICIES_USED = "policies_used";
    /** combinations requested / policies used: how many distinct promises one policy replaces. */
    public static final String REDUCTION_FACTOR = "reduction_factor";
    public static final String SEGMENTS = Columns.SEGMENTS;
    /** Lines with at most this many units are small. */
    public static final String SMALL_ORDER_MAX_UNITS = "small_order_max_units";
    /** Lines with more than small and at most this many units are medium; the rest large. */
    public static final String MEDIUM_ORDER_MAX_UNITS = "medium_order_max_units";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            required(DELIVERY_TERM_COMBINATIONS_REQUESTED, LongType,
                    "Distinct (lead time bucket, channel, order size class) terms customers asked for"),
            required(POLICIES_USED, IntegerType, "Service policies the segments map to"),
            required(REDUCTION_FACTOR, DoubleType,
                    "combinations requested / policies used: how many distinct promises one policy replaces"),
            required(SEGMENTS, "Data-driven segments of the run"),
            nullable(SMALL_ORDER_MAX_UNITS, DoubleType, "Lines with at most this many units are small"),
            nullable(MEDIUM_ORDER_MAX_UNITS, DoubleType,
                    "Lines with more than small and at most this many units are medium; the rest large")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private ServicePolicyComplexityTable() {
    }
}
