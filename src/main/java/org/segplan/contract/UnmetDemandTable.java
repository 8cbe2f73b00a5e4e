package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: zone x segment x period demand the optimum leaves undelivered (priced), only where > 0. */
public final class UnmetDemandTable {
    public static final String NAME = "unmet_demand";

    public static final String ZONE_ID = "zone_id";
    public static final String ZONE_NAME = "zone_name";
    public static final String SEGMENT_ID = "segment_id";
    public static final String PERIOD_START = "period_start";
    public static final String DEMAND_UNITS = "demand_units";
    public static final String UNMET_UNITS = "unmet_units";
    public static final String UNMET_COST = "unmet_cost";

    public static final StructType SCHEMA = new StructType()
            .add(ZONE_ID, StringType, false)
            .add(ZONE_NAME, StringType, false)
            .add(SEGMENT_ID, IntegerType, true)
            .add(PERIOD_START, DateType, false)
            .add(DEMAND_UNITS, DoubleType, false)
            .add(UNMET_UNITS, DoubleType, false)
            .add(UNMET_COST, DoubleType, false);

    private UnmetDemandTable() {
    }
}
