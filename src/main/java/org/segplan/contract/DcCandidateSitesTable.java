package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: proposed new center locations from demand-weighted k-means of the zones. */
public final class DcCandidateSitesTable {
    public static final String NAME = "dc_candidate_sites";

    public static final String SITE_ID = "site_id";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    /** Mean forecast units per period of the zones it gathers. */
    public static final String DEMAND_UNITS = "demand_units";
    public static final String ZONES = "zones";
    public static final String NEAREST_DC_ID = "nearest_dc_id";
    public static final String NEAREST_DC_DISTANCE_KM = "nearest_dc_distance_km";

    public static final StructType SCHEMA = new StructType()
            .add(SITE_ID, StringType, false)
            .add(LATITUDE, DoubleType, false)
            .add(LONGITUDE, DoubleType, false)
            .add(DEMAND_UNITS, DoubleType, false)
            .add(ZONES, IntegerType, false)
            .add(NEAREST_DC_ID, StringType, false)
            .add(NEAREST_DC_DISTANCE_KM, DoubleType, false);

    private DcCandidateSitesTable() {
    }
}
