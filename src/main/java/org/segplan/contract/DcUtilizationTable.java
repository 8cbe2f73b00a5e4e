package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: load of each center in each period against its capacity scaled to the period. */
public final class DcUtilizationTable {
    public static final String NAME = "dc_utilization";

    public static final String DC_ID = Columns.DC_ID;
    public static final String PERIOD_START = Columns.PERIOD_START;
    public static final String LOAD_UNITS = "load_units";
    /** weekly_capacity_units x period days / 7. */
    public static final String CAPACITY_UNITS = "capacity_units";
    /** load / capacity, in [0, 1]. */
    public static final String UTILIZATION = "utilization";
    /** False when network design closed it (load 0). */
    public static final String IS_OPEN = "is_open";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(DC_ID),
            key(PERIOD_START),
            required(LOAD_UNITS, DoubleType, "Units the center ships in the period"),
            required(CAPACITY_UNITS, DoubleType, "weekly_capacity_units x period days / 7"),
            required(UTILIZATION, DoubleType, "load / capacity, in [0, 1]"),
            required(IS_OPEN, BooleanType, "False when network design closed it (load 0)")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private DcUtilizationTable() {
    }
}
