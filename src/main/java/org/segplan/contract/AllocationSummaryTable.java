package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: one row per period: the optimum, the nearest-center greedy baseline, and what differs. */
public final class AllocationSummaryTable {
    public static final String NAME = "allocation_summary";

    public static final String PERIOD_START = "period_start";
    /** Shipping (transport + handling) + unmet cost of the optimum. */
    public static final String OBJECTIVE = "objective";
    /** GLOP (LP) or SCIP (MIP). */
    public static final String SOLVER = "solver";
    public static final String SOLVER_STATUS = "solver_status";
    public static final String OPTIMALITY_GAP = "optimality_gap";
    /** Cost of every zone x segment from its nearest center, ignoring capacity and lead time. */
    public static final String GREEDY_COST = "greedy_cost";
    /** greedy_cost - objective; negative when greedy is cheaper only by breaching limits. */
    public static final String SAVINGS = "savings";
    public static final String SAVINGS_SHARE = "savings_share";
    public static final String UNMET_UNITS = "unmet_units";
    public static final String UNMET_COST = "unmet_cost";
    /** Centers the greedy plan loads beyond capacity. */
    public static final String GREEDY_CAPACITY_BREACHES = "greedy_capacity_breaches";
    /** Zone x segment demands the greedy plan serves slower than their maximum lead time. */
    public static final String GREEDY_SERVICE_BREACHES = "greedy_service_breaches";
    /** Fixed cost of the open centers for the period (0 without network design). */
    public static final String FIXED_COST = "fixed_cost";
    public static final String DEMAND_UNITS = "demand_units";

    public static final StructType SCHEMA = new StructType()
            .add(PERIOD_START, DateType, false)
            .add(OBJECTIVE, DoubleType, false)
            .add(SOLVER, StringType, false)
            .add(SOLVER_STATUS, StringType, false)
            .add(OPTIMALITY_GAP, DoubleType, false)
            .add(GREEDY_COST, DoubleType, false)
            .add(SAVINGS, DoubleType, false)
            .add(SAVINGS_SHARE, DoubleType, true)
            .add(UNMET_UNITS, DoubleType, false)
            .add(UNMET_COST, DoubleType, false)
            .add(GREEDY_CAPACITY_BREACHES, IntegerType, false)
            .add(GREEDY_SERVICE_BREACHES, IntegerType, false)
            .add(FIXED_COST, DoubleType, false)
            .add(DEMAND_UNITS, DoubleType, false);

    private AllocationSummaryTable() {
    }
}
