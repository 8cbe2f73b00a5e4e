package org.segplan.allocate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DemandZonesTable;

/**
 * Groups customers into demand zones (a city, or a grid cell) located at their customers' mean position. A zone
 * is named after, and belongs to the region of, most of its customers (ties broken by name, so reruns agree).
 */
public final class DemandZones {
    public static final String ZONE_ID = DemandZonesTable.ZONE_ID;
    private static final String CITY = CustomersTable.CITY;

    private DemandZones() {
    }

    /**
     * customer_id, zone_id, city, region, latitude, longitude of customers with a zone: in city mode those with
     * a city, in grid mode those with coordinates.
     */
    public static Dataset<Row> assignCustomers(Dataset<Row> customers, ZoneScheme scheme, double gridDegrees) {
        Column latitude = col(CustomersTable.LATITUDE);
        Column longitude = col(CustomersTable.LONGITUDE);
        Column city = when(trim(col(CITY)).notEqual(lit("")), trim(col(CITY)));
        Column zone = scheme == ZoneScheme.CITY ? city
                : when(latitude.isNotNull().and(longitude.isNotNull()), concat(lit("grid_"),
                        floor(latitude.divide(gridDegrees)).cast("string"), lit("_"),
                        floor(longitude.divide(gridDegrees)).cast("string")));
        return customers.select(col(CustomersTable.CUSTOMER_ID), zone.as(ZONE_ID), city.as(CITY),
                        col(CustomersTable.REGION), latitude.as(CustomersTable.LATITUDE),
                        longitude.as(CustomersTable.LONGITUDE))
                .where(col(ZONE_ID).isNotNull());
    }

    /** One row per zone with coordinates (the contract of demand_zones). */
    public static Dataset<Row> zones(Dataset<Row> assigned, ZoneScheme scheme) {
        Dataset<Row> located = assigned.groupBy(ZONE_ID).agg(
                        avg(CustomersTable.LATITUDE).as(DemandZonesTable.LATITUDE),
                        avg(CustomersTable.LONGITUDE).as(DemandZonesTable.LONGITUDE),
                        count(lit(1)).as(DemandZonesTable.CUSTOMERS))
                .where(col(DemandZonesTable.LATITUDE).isNotNull());
        Dataset<Row> region = mostCommon(assigned, CustomersTable.REGION, DemandZonesTable.REGION);
        Dataset<Row> name = mostCommon(assigned, CITY, "main_city");
        Column zoneName = scheme == ZoneScheme.CITY ? col(ZONE_ID)
                : coalesce(concat(col("main_city"), lit(" area")), col(ZONE_ID));
        return located.join(region, ZONE_ID).join(name, ZONE_ID)
                .select(col(ZONE_ID), zoneName.as(DemandZonesTable.ZONE_NAME), col(DemandZonesTable.LATITUDE),
                        col(DemandZonesTable.LONGITUDE), col(DemandZonesTable.CUSTOMERS), col(DemandZonesTable.REGION));
    }

    private static Dataset<Row> mostCommon(Dataset<Row> assigned, String column, String as) {
        return assigned.groupBy(col(ZONE_ID), col(column)).agg(sum(when(col(column).isNotNull(), 1).otherwise(0)).as("n"))
                .groupBy(ZONE_ID)
                .agg(max(struct(col("n"), col(column))).getField(column).as(as));
    }
}
