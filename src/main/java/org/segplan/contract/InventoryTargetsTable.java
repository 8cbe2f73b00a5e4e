package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: safety stock and reorder point per segment x category (x region), from the forecast error
 * and the segment's target service level. Allocation fills dc_id when it splits targets by distribution center.
 */
public final class InventoryTargetsTable {
    public static final String NAME = "inventory_targets";

    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String CATEGORY = Columns.CATEGORY;
    public static final String REGION = Columns.REGION;
    public static final String SERVICE_LEVEL = "service_level";
    public static final String Z = "z";
    /** Whole days here (dc_allocation has fractional days). */
    public static final String LEAD_TIME_DAYS = "lead_time_days";
    public static final String MEAN_DEMAND_PER_BUCKET = Columns.MEAN_DEMAND_PER_BUCKET;
    public static final String DEMAND_DURING_LEAD_TIME = "demand_during_lead_time";
    public static final String ERROR_STD_PER_BUCKET = "error_std_per_bucket";
    public static final String SAFETY_STOCK_UNITS = "safety_stock_units";
    public static final String REORDER_POINT_UNITS = "reorder_point_units";
    /** The segment's service policy, null when the default service level applied. */
    public static final String POLICY_NAME = Columns.POLICY_NAME;
    public static final String DC_ID = Columns.DC_ID;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            nullable(SEGMENT_ID, "Null: demand without a customer"),
            key(CATEGORY),
            key(REGION, "The region, ALL when forecasts are not split by region"),
            required(SERVICE_LEVEL, DoubleType, "Target probability of no stock-out per replenishment cycle"),
            required(Z, DoubleType, "Standard normal quantile of the service level"),
            required(LEAD_TIME_DAYS, IntegerType, "Replenishment lead time in days"),
            required(MEAN_DEMAND_PER_BUCKET),
            required(DEMAND_DURING_LEAD_TIME, DoubleType, "Mean demand over the lead time"),
            required(ERROR_STD_PER_BUCKET, DoubleType, "Standard deviation of the backtest forecast error per bucket"),
            required(SAFETY_STOCK_UNITS, DoubleType, "z x error std x sqrt(lead time in buckets)"),
            required(REORDER_POINT_UNITS, DoubleType, "Demand during lead time + safety stock"),
            nullable(POLICY_NAME, "The segment's service policy, null when the default service level applied"),
            nullable(DC_ID, "The center the target is for, when allocation splits targets by center")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private InventoryTargetsTable() {
    }
}
