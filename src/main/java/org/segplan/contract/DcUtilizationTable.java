package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: load of each center in each period against its capacity scaled to the period. */
public final class DcUtilizationTable {
    public static final String NAME = "dc_utilization";

    public static final String DC_ID = "dc_id";
    public static final String PERIOD_START = "period_start";
    public static final String LOAD_UNITS = "load_units";
    /** weekly_capacity_units x period days / 7. */
    public static final String CAPACITY_UNITS = "capacity_units";
    /** load / capacity, in [0, 1]. */
    public static final String UTILIZATION = "utilization";
    /** False when network design closed it (load 0). */
    public static final String IS_OPEN = "is_open";

    public static final StructType SCHEMA = new StructType()
            .add(DC_ID, StringType, false)
            .add(PERIOD_START, DateType, false)
            .add(LOAD_UNITS, DoubleType, false)
            .add(CAPACITY_UNITS, DoubleType, false)
            .add(UTILIZATION, DoubleType, false)
            .add(IS_OPEN, BooleanType, false);

    private DcUtilizationTable() {
    }
}
