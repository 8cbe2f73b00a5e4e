package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: forecast demand disaggregated to zone x segment x period, the allocation's demand side,
 * with the service limit that applied.
 */
public final class ZoneSegmentDemandTable {
    public static final String NAME = "zone_segment_demand";

    public static final String ZONE_ID = "zone_id";
    /** Null: unsegmented demand. */
    public static final String SEGMENT_ID = "segment_id";
    public static final String PERIOD_START = "period_start";
    public static final String HORIZON_STEP = "horizon_step";
    public static final String DEMAND_UNITS = "demand_units";
    /** Null: unconstrained. */
    public static final String MAX_LEAD_TIME_DAYS = "max_lead_time_days";

    public static final StructType SCHEMA = new StructType()
            .add(ZONE_ID, StringType, false)
            .add(SEGMENT_ID, IntegerType, true)
            .add(PERIOD_START, DateType, false)
            .add(HORIZON_STEP, IntegerType, false)
            .add(DEMAND_UNITS, DoubleType, false)
            .add(MAX_LEAD_TIME_DAYS, DoubleType, true);

    private ZoneSegmentDemandTable() {
    }
}
