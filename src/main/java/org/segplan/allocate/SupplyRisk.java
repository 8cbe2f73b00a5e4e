package org.segplan.allocate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.DcAllocationTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.SupplyRiskTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ZoneSegmentDemandTable;

/**
 * Risk per segment: how much of its supply hangs on one center, how concentrated its revenue is on few customers
 * (HHI, top-10 share) and its demand on few regions (HHI), and how volatile its weekly demand has been (CV,
 * weeks without orders counted as zero). Null segment = unsegmented demand.
 */
public final class SupplyRisk {
    private static final String KEY = "segment_key";
    private static final int UNSEGMENTED = -1;
    private static final String SHARE = "share";

    private SupplyRisk() {
    }

    public static Dataset<Row> compute(Dataset<Row> allocation, Dataset<Row> zoneDemand, Dataset<Row> zones,
            Dataset<Row> transactions, Dataset<Row> segments) {
        Dataset<Row> demand = withKey(zoneDemand).groupBy(KEY)
                .agg(sum(ZoneSegmentDemandTable.DEMAND_UNITS).as(SupplyRiskTable.DEMAND_UNITS));
        Dataset<Row> flows = withKey(allocation);
        Dataset<Row> perCell = flows.groupBy(col(KEY), col(DcAllocationTable.ZONE_ID), col(DcAllocationTable.PERIOD_START))
                .agg(sum(DcAllocationTable.UNITS).as("delivered"), countDistinct(DcAllocationTable.DC_ID).as("centers"));
        Dataset<Row> dependency = perCell.groupBy(KEY).agg(
                sum(when(col("centers").equalTo(1), col("delivered")).otherwise(0)).divide(sum("delivered"))
                        .as(SupplyRiskTable.SINGLE_CENTER_DEPENDENCY_SHARE));
        Dataset<Row> byCenter = flows.groupBy(KEY, DcAllocationTable.DC_ID).agg(sum(DcAllocationTable.UNITS).as("units"))
                .withColumn(SHARE, col("units").divide(sum("units").over(Window.partitionBy(KEY))));
        Dataset<Row> largest = byCenter.groupBy(KEY).agg(max(struct(col(SHARE), col(DcAllocationTable.DC_ID))).as("top"))
                .select(col(KEY), col("top").getField(DcAllocationTable.DC_ID).as(SupplyRiskTable.LARGEST_DC_ID),
                        col("top").getField(SHARE).as(SupplyRiskTable.LARGEST_DC_SHARE));
        Dataset<Row> regions = withKey(zoneDemand).join(zones.select(DemandZonesTable.ZONE_ID, DemandZonesTable.REGION),
                        DemandZonesTable.ZONE_ID)
                .groupBy(col(KEY), coalesce(col(DemandZonesTable.REGION), lit("(none)")).as(DemandZonesTable.REGION))
                .agg(sum(ZoneSegmentDemandTable.DEMAND_UNITS).as("units"))
                .where(col("units").gt(0));
        Dataset<Row> regionConcentration = hhi(regions, "units", SupplyRiskTable.REGION_HHI);

        Dataset<Row> sales = transactions
                .where(coalesce(col(TransactionsTable.IS_RETURN), lit(false)).equalTo(false))
                .join(segments.select(CustomerSegmentsTable.CUSTOMER_ID, CustomerSegmentsTable.SEGMENT_ID),
                        TransactionsTable.CUSTOMER_ID, "left")
                .withColumn(KEY, coalesce(col(CustomerSegmentsTable.SEGMENT_ID), lit(UNSEGMENTED)));
        Dataset<Row> revenue = sales.groupBy(KEY, TransactionsTable.CUSTOMER_ID)
                .agg(sum(col(TransactionsTable.QUANTITY).multiply(col(TransactionsTable.UNIT_PRICE))).as("revenue"))
                .where(col("revenue").gt(0));
        Dataset<Row> customerConcentration = hhi(revenue, "revenue", SupplyRiskTable.CUSTOMER_HHI)
                .join(top10(revenue), KEY);
        Dataset<Row> volatility = weeklyVolatility(sales);

        Column segmentId = when(col(KEY).notEqual(lit(UNSEGMENTED)), col(KEY)).cast("int");
        return demand.join(dependency, joinKey(), "left").join(largest, joinKey(), "left")
                .join(customerConcentration, joinKey(), "left").join(regionConcentration, joinKey(), "left")
                .join(volatility, joinKey(), "left")
                .select(segmentId.as(SupplyRiskTable.SEGMENT_ID), stable(SupplyRiskTable.DEMAND_UNITS),
                        stable(SupplyRiskTable.SINGLE_CENTER_DEPENDENCY_SHARE), col(SupplyRiskTable.LARGEST_DC_ID),
                        stable(SupplyRiskTable.LARGEST_DC_SHARE), stable(SupplyRiskTable.CUSTOMER_HHI),
                        stable(SupplyRiskTable.TOP10_CUSTOMER_REVENUE_SHARE), stable(SupplyRiskTable.REGION_HHI),
                        stable(SupplyRiskTable.WEEKLY_DEMAND_CV), col(SupplyRiskTable.WEEKS_OBSERVED));
    }

    /**
     * Rounded to 9 decimals: these are sums over shuffled rows, whose floating-point order (and so the last bits)
     * changes from run to run; a rerun for the same date must give the same table.
     */
    private static Column stable(String column) {
        return round(col(column), 9).as(column);
    }

    /** Sum of squared shares of the measure within each segment. */
    private static Dataset<Row> hhi(Dataset<Row> rows, String measure, String as) {
        return rows.withColumn(SHARE, col(measure).divide(sum(measure).over(Window.partitionBy(KEY))))
                .groupBy(KEY).agg(sum(pow(col(SHARE), 2)).as(as));
    }

    private static Dataset<Row> top10(Dataset<Row> revenue) {
        return revenue.withColumn("rank", row_number().over(Window.partitionBy(KEY)
                        .orderBy(col("revenue").desc(), col(TransactionsTable.CUSTOMER_ID))))
                .groupBy(KEY)
                .agg(sum(when(col("rank").leq(10), col("revenue")).otherwise(0)).divide(sum("revenue"))
                        .as(SupplyRiskTable.TOP10_CUSTOMER_REVENUE_SHARE));
    }

    /** CV over every week from the first to the last week of the whole history, with empty weeks as zero. */
    private static Dataset<Row> weeklyVolatility(Dataset<Row> sales) {
        Dataset<Row> weekly = sales.withColumn("week", date_trunc("week", col(TransactionsTable.ORDER_TIMESTAMP)).cast("date"))
                .groupBy(KEY, "week").agg(sum(TransactionsTable.QUANTITY).as("units"));
        Dataset<Row> span = weekly.agg(min("week").as("first_week"), max("week").as("last_week"));
        return weekly.crossJoin(span)
                .groupBy(col(KEY), col("first_week"), col("last_week"))
                .agg(sum("units").as("total"), sum(pow(col("units"), 2)).as("squares"))
                .withColumn(SupplyRiskTable.WEEKS_OBSERVED,
                        datediff(col("last_week"), col("first_week")).divide(7).plus(1).cast("long"))
                .withColumn("mean", col("total").divide(col(SupplyRiskTable.WEEKS_OBSERVED)))
                .withColumn(SupplyRiskTable.WEEKLY_DEMAND_CV, sqrt(greatest(lit(0.0),
                        col("squares").divide(col(SupplyRiskTable.WEEKS_OBSERVED)).minus(pow(col("mean"), 2))))
                        .divide(col("mean")))
                .select(KEY, SupplyRiskTable.WEEKLY_DEMAND_CV, SupplyRiskTable.WEEKS_OBSERVED);
    }

    private static Dataset<Row> withKey(Dataset<Row> rows) {
        return rows.withColumn(KEY, coalesce(col(ZoneSegmentDemandTable.SEGMENT_ID), lit(UNSEGMENTED)));
    }

    private static scala.collection.Seq<String> joinKey() {
        return scala.collection.JavaConverters.asScalaBuffer(java.util.List.of(KEY)).toSeq();
    }
}
