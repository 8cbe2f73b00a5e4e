package org.segplan.contract;

import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: zone x segment x period demand the optimum leaves undelivered (priced), only where > 0. */
public final class UnmetDemandTable {
    public static final String NAME = "unmet_demand";

    public static final String ZONE_ID = Columns.ZONE_ID;
    public static final String ZONE_NAME = Columns.ZONE_NAME;
    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String PERIOD_START = Columns.PERIOD_START;
    public static final String DEMAND_UNITS = Columns.DEMAND_UNITS;
    public static final String UNMET_UNITS = Columns.UNMET_UNITS;
    public static final String UNMET_COST = Columns.UNMET_COST;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(ZONE_ID),
            required(ZONE_NAME),
            nullable(SEGMENT_ID, "Null: unsegmented demand"),
            key(PERIOD_START),
            required(DEMAND_UNITS, "Demand of the zone x segment in the period"),
            required(UNMET_UNITS),
            required(UNMET_COST)));

    public static final StructType SCHEMA = CONTRACT.schema();

    private UnmetDemandTable() {
    }
}
