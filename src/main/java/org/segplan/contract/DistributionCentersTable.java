package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.optional;
import static org.segplan.contract.TableContract.required;

import java.util.List;

/** Input contract: one row per distribution center (existing or candidate). */
public final class DistributionCentersTable {
    public static final String NAME = "distribution_centers";

    public static final String DC_ID = Columns.DC_ID;
    public static final String DC_NAME = "dc_name";
    public static final String LATITUDE = Columns.LATITUDE;
    public static final String LONGITUDE = Columns.LONGITUDE;
    public static final String WEEKLY_CAPACITY_UNITS = "weekly_capacity_units";
    public static final String FIXED_COST = Columns.FIXED_COST;
    public static final String HANDLING_COST_PER_UNIT = "handling_cost_per_unit";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(DC_ID, StringType, "Distribution center identifier, unique"),
            optional(DC_NAME, StringType, "Readable name"),
            required(LATITUDE, DoubleType, ValueRule.between(-90, 90), "Latitude in degrees"),
            required(LONGITUDE, DoubleType, ValueRule.between(-180, 180), "Longitude in degrees"),
            required(WEEKLY_CAPACITY_UNITS, DoubleType, ValueRule.positive(), "Units it can ship per week, > 0"),
            optional(FIXED_COST, DoubleType, ValueRule.nonNegative(), "Fixed cost per week of keeping it open"),
            optional(HANDLING_COST_PER_UNIT, DoubleType, ValueRule.nonNegative(), "Handling cost per unit shipped")));

    private DistributionCentersTable() {
    }
}
