package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: proposed new center locations from demand-weighted k-means of the zones. */
public final class DcCandidateSitesTable {
    public static final String NAME = "dc_candidate_sites";

    public static final String SITE_ID = "site_id";
    public static final String LATITUDE = Columns.LATITUDE;
    public static final String LONGITUDE = Columns.LONGITUDE;
    /** Mean forecast units per period of the zones it gathers. */
    public static final String DEMAND_UNITS = Columns.DEMAND_UNITS;
    public static final String ZONES = "zones";
    public static final String NEAREST_DC_ID = "nearest_dc_id";
    public static final String NEAREST_DC_DISTANCE_KM = "nearest_dc_distance_km";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(SITE_ID, StringType, "Candidate site identifier"),
            required(LATITUDE),
            required(LONGITUDE),
            required(DEMAND_UNITS, "Mean forecast units per period of the zones it gathers"),
            required(ZONES, IntegerType, "Demand zones it gathers"),
            required(NEAREST_DC_ID, StringType, "The existing center nearest to it"),
            required(NEAREST_DC_DISTANCE_KM, DoubleType, "Distance to that center")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private DcCandidateSitesTable() {
    }
}
