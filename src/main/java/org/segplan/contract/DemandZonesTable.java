package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: one row per demand zone (a city, or a grid cell), located at its customers' mean position. */
public final class DemandZonesTable {
    public static final String NAME = "demand_zones";

    public static final String ZONE_ID = "zone_id";
    public static final String ZONE_NAME = "zone_name";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String CUSTOMERS = "customers";
    /** The most common region of its customers. */
    public static final String REGION = "region";

    public static final StructType SCHEMA = new StructType()
            .add(ZONE_ID, StringType, false)
            .add(ZONE_NAME, StringType, false)
            .add(LATITUDE, DoubleType, false)
            .add(LONGITUDE, DoubleType, false)
            .add(CUSTOMERS, LongType, false)
            .add(REGION, StringType, true);

    private DemandZonesTable() {
    }
}
