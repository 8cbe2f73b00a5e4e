package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: forecast demand disaggregated to zone x segment x period, the allocation's demand side,
 * with the service limit that applied.
 */
public final class ZoneSegmentDemandTable {
    public static final String NAME = "zone_segment_demand";

    public static final String ZONE_ID = Columns.ZONE_ID;
    /** Null: unsegmented demand. */
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String PERIOD_START = Columns.PERIOD_START;
    public static final String HORIZON_STEP = Columns.HORIZON_STEP;
    public static final String DEMAND_UNITS = Columns.DEMAND_UNITS;
    /** Null: unconstrained. A double here (segment_service_policy has whole days). */
    public static final String MAX_LEAD_TIME_DAYS = SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(ZONE_ID),
            nullable(SEGMENT_ID, "Null: unsegmented demand"),
            key(PERIOD_START),
            required(HORIZON_STEP),
            required(DEMAND_UNITS, "Forecast units of the zone x segment in the period"),
            nullable(MAX_LEAD_TIME_DAYS, DoubleType, "The segment's service limit in days; null: unconstrained")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private ZoneSegmentDemandTable() {
    }
}
