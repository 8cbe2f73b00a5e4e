package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: the optimal flows, one row per zone x segment x center x period with units shipped. */
public final class DcAllocationTable {
    public static final String NAME = "dc_allocation";

    public static final String ZONE_ID = "zone_id";
    public static final String ZONE_NAME = "zone_name";
    /** Null: unsegmented demand. */
    public static final String SEGMENT_ID = "segment_id";
    public static final String DC_ID = "dc_id";
    public static final String PERIOD_START = "period_start";
    public static final String UNITS = "units";
    /** units / the zone x segment's demand in the period. */
    public static final String SHARE_OF_ZONE_DEMAND = "share_of_zone_demand";
    /** Transport + handling cost of these units. */
    public static final String COST = "cost";
    public static final String LEAD_TIME_DAYS = "lead_time_days";
    public static final String DISTANCE_KM = "distance_km";

    public static final StructType SCHEMA = new StructType()
            .add(ZONE_ID, StringType, false)
            .add(ZONE_NAME, StringType, false)
            .add(SEGMENT_ID, IntegerType, true)
            .add(DC_ID, StringType, false)
            .add(PERIOD_START, DateType, false)
            .add(UNITS, DoubleType, false)
            .add(SHARE_OF_ZONE_DEMAND, DoubleType, false)
            .add(COST, DoubleType, false)
            .add(LEAD_TIME_DAYS, DoubleType, false)
            .add(DISTANCE_KM, DoubleType, false);

    private DcAllocationTable() {
    }
}
