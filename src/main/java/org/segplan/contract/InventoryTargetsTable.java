package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: safety stock and reorder point per segment x category (x region), from the forecast error
 * and the segment's target service level. Allocation fills dc_id when it splits targets by distribution center.
 */
public final class InventoryTargetsTable {
    public static final String NAME = "inventory_targets";

    public static final String SEGMENT_ID = SegmentDemandForecastTable.SEGMENT_ID;
    public static final String CATEGORY = SegmentDemandForecastTable.CATEGORY;
    public static final String REGION = SegmentDemandForecastTable.REGION;
    public static final String SERVICE_LEVEL = "service_level";
    public static final String Z = "z";
    public static final String LEAD_TIME_DAYS = "lead_time_days";
    public static final String MEAN_DEMAND_PER_BUCKET = "mean_demand_per_bucket";
    public static final String DEMAND_DURING_LEAD_TIME = "demand_during_lead_time";
    public static final String ERROR_STD_PER_BUCKET = "error_std_per_bucket";
    public static final String SAFETY_STOCK_UNITS = "safety_stock_units";
    public static final String REORDER_POINT_UNITS = "reorder_point_units";
    /** The segment's service policy, null when the default service level applied. */
    public static final String POLICY_NAME = "policy_name";
    public static final String DC_ID = "dc_id";

    public static final StructType SCHEMA = new StructType()
            .add(SEGMENT_ID, IntegerType, true)
            .add(CATEGORY, StringType, false)
            .add(REGION, StringType, false)
            .add(SERVICE_LEVEL, DoubleType, false)
            .add(Z, DoubleType, false)
            .add(LEAD_TIME_DAYS, IntegerType, false)
            .add(MEAN_DEMAND_PER_BUCKET, DoubleType, false)
            .add(DEMAND_DURING_LEAD_TIME, DoubleType, false)
            .add(ERROR_STD_PER_BUCKET, DoubleType, false)
            .add(SAFETY_STOCK_UNITS, DoubleType, false)
            .add(REORDER_POINT_UNITS, DoubleType, false)
            .add(POLICY_NAME, StringType, true)
            .add(DC_ID, StringType, true);

    private InventoryTargetsTable() {
    }
}
