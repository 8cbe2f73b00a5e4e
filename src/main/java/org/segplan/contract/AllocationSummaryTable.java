package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: one row per period: the optimum, the nearest-center greedy baseline, and what differs. */
public final class AllocationSummaryTable {
    public static final String NAME = "allocation_summary";

    public static final String PERIOD_START = Columns.PERIOD_START;
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
    public static final String UNMET_UNITS = Columns.UNMET_UNITS;
    public static final String UNMET_COST = Columns.UNMET_COST;
    /** Centers the greedy plan loads beyond capacity. */
    public static final String GREEDY_CAPACITY_BREACHES = "greedy_capacity_breaches";
    /** Zone x segment demands the greedy plan serves slower than their maximum lead time. */
    public static final String GREEDY_SERVICE_BREACHES = "greedy_service_breaches";
    /** Fixed cost of the open centers for the period (0 without network design). */
    public static final String FIXED_COST = Columns.FIXED_COST;
    public static final String DEMAND_UNITS = Columns.DEMAND_UNITS;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            required(PERIOD_START),
            required(OBJECTIVE, DoubleType, "Shipping (transport + handling) + unmet cost of the optimum"),
            required(SOLVER, StringType, "GLOP (LP) or SCIP (MIP)"),
            required(SOLVER_STATUS, StringType, "The solver's status, e.g. OPTIMAL"),
            required(OPTIMALITY_GAP, DoubleType, "Relative gap between the solution and the best bound"),
            required(GREEDY_COST, DoubleType,
                    "Cost of every zone x segment from its nearest center, ignoring capacity and lead time"),
            required(SAVINGS, DoubleType, "greedy_cost - objective; negative when greedy is cheaper only by breaching limits"),
            nullable(SAVINGS_SHARE, DoubleType, "savings / greedy_cost; null when the greedy cost is 0"),
            required(UNMET_UNITS),
            required(UNMET_COST),
            required(GREEDY_CAPACITY_BREACHES, IntegerType, "Centers the greedy plan loads beyond capacity"),
            required(GREEDY_SERVICE_BREACHES, IntegerType,
                    "Zone x segment demands the greedy plan serves slower than their maximum lead time"),
            required(FIXED_COST, "Fixed cost of the open centers for the period (0 without network design)"),
            required(DEMAND_UNITS, "Forecast units of the period")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private AllocationSummaryTable() {
    }
}
