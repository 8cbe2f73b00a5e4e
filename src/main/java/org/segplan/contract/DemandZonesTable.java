package org.segplan.contract;

import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: one row per demand zone (a city, or a grid cell), located at its customers' mean position. */
public final class DemandZonesTable {
    public static final String NAME = "demand_zones";

    public static final String ZONE_ID = Columns.ZONE_ID;
    public static final String ZONE_NAME = Columns.ZONE_NAME;
    public static final String LATITUDE = Columns.LATITUDE;
    public static final String LONGITUDE = Columns.LONGITUDE;
    public static final String CUSTOMERS = Columns.CUSTOMERS;
    /** The most common region of its customers. */
    public static final String REGION = Columns.REGION;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(ZONE_ID),
            required(ZONE_NAME),
            required(LATITUDE, "Mean latitude of its customers"),
            required(LONGITUDE, "Mean longitude of its customers"),
            required(CUSTOMERS, "Customers in the zone"),
            nullable(REGION, "The most common region of its customers")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private DemandZonesTable() {
    }
}
