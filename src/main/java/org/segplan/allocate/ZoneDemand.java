package org.segplan.allocate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ZoneSegmentDemandTable;

/**
 * Spreads segment forecasts over demand zones. A forecast of segment s, category c in region r (or "ALL") goes to
 * the zones of r by their share of s's historical units of c; with no such history, by their share of s's
 * customers; with no such customers, by their share of all customers. Unsegmented forecasts (null segment) use
 * every customer's history. Shares within one forecast key sum to 1, so zone demand sums to the forecast.
 */
public final class ZoneDemand {
    /** Internal segment key: -1 stands for "every customer" (the null, unsegmented forecast). */
    static final String SEGMENT_KEY = "segment_key";
    static final int EVERY_CUSTOMER = -1;
    static final String SCOPE = "scope";
    static final String SHARE = "share";
    public static final String BASIS = "share_basis";
    public static final String BASIS_HISTORY = "history";
    public static final String BASIS_SEGMENT_CUSTOMERS = "segment customers";
    public static final String BASIS_ALL_CUSTOMERS = "all customers";
    private static final String UNITS = "units";
    private static final String CATEGORY = ProductsTable.CATEGORY;
    private static final String ZONE_ID = DemandZonesTable.ZONE_ID;

    private ZoneDemand() {
    }

    /** What the disaggregation produced: zone demand, and forecast keys no zone could take (with their units). */
    public record Result(Dataset<Row> zoneDemand, Dataset<Row> keyBasis, Dataset<Row> unplaced) {
    }

    /**
     * @param customerZones customer_id, zone_id (from {@link DemandZones#assignCustomers})
     * @param zones demand_zones rows (zone_id, region)
     * @param segments customer_segments (customer_id, segment_id)
     * @return zone demand: zone_id, segment_id (null: unsegmented), period_start, horizon_step, demand_units
     */
    public static Result disaggregate(Dataset<Row> forecast, Dataset<Row> transactions, Dataset<Row> products,
            Dataset<Row> segments, Dataset<Row> customerZones, Dataset<Row> zones) {
        // Each intermediate is small (zones x segments x categories) and feeds several unions and joins:
        // checkpointing them keeps the query plans short (unchecked, planning time grows exponentially).
        Dataset<Row> zoneRegions = zones.select(col(ZONE_ID), col(DemandZonesTable.REGION));
        Dataset<Row> customers = customerZones.select(col(TransactionsTable.CUSTOMER_ID), col(ZONE_ID))
                .join(zoneRegions, ZONE_ID)
                .join(segments.select(CustomerSegmentsTable.CUSTOMER_ID, CustomerSegmentsTable.SEGMENT_ID),
                        TransactionsTable.CUSTOMER_ID, "left");
        Dataset<Row> history = transactions
                .where(coalesce(col(TransactionsTable.IS_RETURN), lit(false)).equalTo(false))
                .select(TransactionsTable.CUSTOMER_ID, TransactionsTable.PRODUCT_ID, TransactionsTable.QUANTITY)
                .join(products.select(ProductsTable.PRODUCT_ID, CATEGORY), ProductsTable.PRODUCT_ID)
                .join(customers, TransactionsTable.CUSTOMER_ID)
                .groupBy(ZONE_ID, DemandZonesTable.REGION, CustomerSegmentsTable.SEGMENT_ID, CATEGORY)
                .agg(sum(TransactionsTable.QUANTITY).as(TransactionsTable.QUANTITY))
                .localCheckpoint();
        Dataset<Row> customerCounts = customers.groupBy(ZONE_ID, DemandZonesTable.REGION, CustomerSegmentsTable.SEGMENT_ID)
                .agg(count(lit(1)).as("customers"))
                .localCheckpoint();
        Dataset<Row> historyShares = shares(withScopes(withSegmentKeys(history)),
                new String[] {SEGMENT_KEY, CATEGORY, SCOPE}, sum(TransactionsTable.QUANTITY)).localCheckpoint();
        Dataset<Row> segmentCustomerShares = shares(withScopes(withSegmentKeys(customerCounts)),
                new String[] {SEGMENT_KEY, SCOPE}, sum("customers")).localCheckpoint();
        Dataset<Row> allCustomerShares = shares(withScopes(customerCounts), new String[] {SCOPE}, sum("customers"))
                .localCheckpoint();

        Dataset<Row> keyed = forecast.select(
                coalesce(col(SegmentDemandForecastTable.SEGMENT_ID), lit(EVERY_CUSTOMER)).as(SEGMENT_KEY),
                col(SegmentDemandForecastTable.CATEGORY).as(CATEGORY),
                col(SegmentDemandForecastTable.REGION).as(SCOPE),
                col(SegmentDemandForecastTable.PERIOD_START), col(SegmentDemandForecastTable.HORIZON_STEP),
                col(SegmentDemandForecastTable.FORECAST_UNITS));
        // Renamed to themselves for fresh column identities: a checkpoint keeps its plan's, and the keys meet `keyed`
        // again below (without this, Spark fails to resolve the self-join when adaptive execution is off).
        Dataset<Row> keys = keyed.select(SEGMENT_KEY, CATEGORY, SCOPE).distinct().toDF(SEGMENT_KEY, CATEGORY, SCOPE)
                .localCheckpoint();
        Dataset<Row> byHistory = keys.join(historyShares, joinKeys(SEGMENT_KEY, CATEGORY, SCOPE))
                .withColumn(BASIS, lit(BASIS_HISTORY));
        Dataset<Row> noHistory = keys.join(historyShares.select(SEGMENT_KEY, CATEGORY, SCOPE).distinct(),
                joinKeys(SEGMENT_KEY, CATEGORY, SCOPE), "left_anti");
        Dataset<Row> bySegmentCustomers = noHistory.join(segmentCustomerShares, joinKeys(SEGMENT_KEY, SCOPE))
                .withColumn(BASIS, lit(BASIS_SEGMENT_CUSTOMERS));
        Dataset<Row> noSegmentCustomers = noHistory.join(segmentCustomerShares.select(SEGMENT_KEY, SCOPE).distinct(),
                joinKeys(SEGMENT_KEY, SCOPE), "left_anti");
        Dataset<Row> byAllCustomers = noSegmentCustomers.join(allCustomerShares, joinKeys(SCOPE))
                .withColumn(BASIS, lit(BASIS_ALL_CUSTOMERS));
        Dataset<Row> unplacedKeys = noSegmentCustomers.join(allCustomerShares.select(SCOPE).distinct(),
                joinKeys(SCOPE), "left_anti");
        String[] shareColumns = {SEGMENT_KEY, CATEGORY, SCOPE, ZONE_ID, SHARE, BASIS};
        Dataset<Row> keyShares = byHistory.select(columns(shareColumns))
                .unionByName(bySegmentCustomers.select(columns(shareColumns)))
                .unionByName(byAllCustomers.select(columns(shareColumns)))
                .localCheckpoint();

        Column segmentId = when(col(SEGMENT_KEY).notEqual(lit(EVERY_CUSTOMER)), col(SEGMENT_KEY)).cast("int");
        Dataset<Row> zoneDemand = keyed.join(keyShares, joinKeys(SEGMENT_KEY, CATEGORY, SCOPE))
                .groupBy(col(ZONE_ID), segmentId.as(ZoneSegmentDemandTable.SEGMENT_ID),
                        col(SegmentDemandForecastTable.PERIOD_START), col(SegmentDemandForecastTable.HORIZON_STEP))
                .agg(sum(col(SegmentDemandForecastTable.FORECAST_UNITS).multiply(col(SHARE)))
                        .as(ZoneSegmentDemandTable.DEMAND_UNITS));
        Dataset<Row> keyBasis = keyShares.select(SEGMENT_KEY, CATEGORY, SCOPE, BASIS).distinct();
        Dataset<Row> unplaced = keyed.join(unplacedKeys, joinKeys(SEGMENT_KEY, CATEGORY, SCOPE))
                .groupBy(SEGMENT_KEY, CATEGORY, SCOPE).agg(sum(SegmentDemandForecastTable.FORECAST_UNITS).as(UNITS));
        return new Result(zoneDemand, keyBasis, unplaced);
    }

    /**
     * Adds each segment's maximum lead time: from the service policy, else the default (null: unconstrained).
     */
    public static Dataset<Row> withMaxLeadTime(Dataset<Row> zoneDemand, Dataset<Row> policies, Double defaultDays) {
        Column fallback = defaultDays == null ? lit(null).cast("double") : lit(defaultDays);
        if (policies == null) {
            return zoneDemand.withColumn(ZoneSegmentDemandTable.MAX_LEAD_TIME_DAYS, fallback);
        }
        Dataset<Row> limits = policies.select(col(SegmentServicePolicyTable.SEGMENT_ID).as("policy_segment_id"),
                col(SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS).cast("double").as("policy_days"));
        return zoneDemand.join(limits, zoneDemand.col(ZoneSegmentDemandTable.SEGMENT_ID)
                        .equalTo(limits.col("policy_segment_id")), "left")
                .withColumn(ZoneSegmentDemandTable.MAX_LEAD_TIME_DAYS, coalesce(col("policy_days"), fallback))
                .drop("policy_segment_id", "policy_days");
    }

    /** Every row twice for a segmented customer: under its segment and under "every customer". */
    private static Dataset<Row> withSegmentKeys(Dataset<Row> rows) {
        Dataset<Row> segmented = rows.where(col(CustomerSegmentsTable.SEGMENT_ID).isNotNull())
                .withColumn(SEGMENT_KEY, col(CustomerSegmentsTable.SEGMENT_ID));
        return segmented.unionByName(rows.withColumn(SEGMENT_KEY, lit(EVERY_CUSTOMER)));
    }

    /** Every row twice: in its zone's region and in "ALL", the scopes a forecast may be given for. */
    private static Dataset<Row> withScopes(Dataset<Row> rows) {
        return rows.where(col(DemandZonesTable.REGION).isNotNull())
                .withColumn(SCOPE, col(DemandZonesTable.REGION))
                .unionByName(rows.withColumn(SCOPE, lit("ALL")));
    }

    /** Each zone's share of the measure within the group. */
    private static Dataset<Row> shares(Dataset<Row> rows, String[] group, Column measure) {
        Column[] byZone = new Column[group.length + 1];
        for (int index = 0; index < group.length; index++) {
            byZone[index] = col(group[index]);
        }
        byZone[group.length] = col(ZONE_ID);
        Dataset<Row> totals = rows.groupBy(byZone).agg(measure.cast("double").as(UNITS))
                .where(col(UNITS).gt(0));
        return totals.withColumn(SHARE, col(UNITS).divide(sum(UNITS).over(Window.partitionBy(columns(group)))));
    }

    private static scala.collection.Seq<String> joinKeys(String... names) {
        return scala.collection.JavaConverters.asScalaBuffer(java.util.List.of(names)).toSeq();
    }

    private static Column[] columns(String... names) {
        Column[] result = new Column[names.length];
        for (int index = 0; index < names.length; index++) {
            result[index] = col(names[index]);
        }
        return result;
    }
}
