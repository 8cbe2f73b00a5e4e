package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: the optimal flows, one row per zone x segment x center x period with units shipped. */
public final class DcAllocationTable {
    public static final String NAME = "dc_allocation";

    public static final String ZONE_ID = Columns.ZONE_ID;
    public static final String ZONE_NAME = Columns.ZONE_NAME;
    /** Null: unsegmented demand. */
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String DC_ID = Columns.DC_ID;
    public static final String PERIOD_START = Columns.PERIOD_START;
    public static final String UNITS = "units";
    /** units / the zone x segment's demand in the period. */
    public static final String SHARE_OF_ZONE_DEMAND = "share_of_zone_demand";
    /** Transport + handling cost of these units. */
    public static final String COST = "cost";
    /** Days from the center to the zone (a double here; inventory_targets has whole days). */
    public static final String LEAD_TIME_DAYS = "lead_time_days";
    public static final String DISTANCE_KM = "distance_km";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(ZONE_ID),
            required(ZONE_NAME),
            nullable(SEGMENT_ID, "Null: unsegmented demand"),
            key(DC_ID),
            key(PERIOD_START),
            required(UNITS, DoubleType, "Units shipped from the center to the zone for the segment"),
            required(SHARE_OF_ZONE_DEMAND, DoubleType, "units / the zone x segment's demand in the period"),
            required(COST, DoubleType, "Transport + handling cost of these units"),
            required(LEAD_TIME_DAYS, DoubleType, "Days from the center to the zone"),
            required(DISTANCE_KM, DoubleType, "Great-circle distance from the center to the zone")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private DcAllocationTable() {
    }
}
