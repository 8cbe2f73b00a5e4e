package org.segplan.features;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.TransactionsTable;

/**
 * Per-customer features as of the run date, as pure transformations. Behaviour comes from order lines
 * (aggregated to orders first, so multi-line orders count once); attributes come from the customers table.
 * Customers without transactions keep their attributes and get zero frequency and value.
 */
public final class CustomerFeatures {
    private static final double SECONDS_PER_DAY = 86_400.0;

    private CustomerFeatures() {
    }

    /**
     * @param channels the distinct channel labels to build share columns for (read once by the caller, so the
     *                 columns are stable and no extra pass runs here)
     */
    public static Dataset<Row> compute(Dataset<Row> customers, Dataset<Row> transactions, LocalDate runDate,
            int urgentLeadTimeDays, List<String> channels) {
        Dataset<Row> behaviour = behaviour(transactions, runDate, urgentLeadTimeDays, channels);
        Dataset<Row> attributes = attributes(customers, runDate);
        Dataset<Row> joined = attributes.join(behaviour, toSeq(CustomersTable.CUSTOMER_ID), "left");
        Column signup = Arrays.asList(customers.columns()).contains(CustomersTable.SIGNUP_DATE)
                ? col(CustomersTable.SIGNUP_DATE) : lit(null).cast("date");
        Column firstSeen = least(coalesce(signup, col("__first_order_date")), coalesce(col("__first_order_date"), signup));
        return joined
                .withColumn(CustomerFeaturesTable.FREQUENCY, coalesce(col(CustomerFeaturesTable.FREQUENCY), lit(0L)))
                .withColumn(CustomerFeaturesTable.MONETARY, coalesce(col(CustomerFeaturesTable.MONETARY), lit(0.0)))
                .withColumn(CustomerFeaturesTable.HAS_TRANSACTIONS, col("__first_order_date").isNotNull())
                .withColumn(CustomerFeaturesTable.TENURE_DAYS, datediff(lit(Date.valueOf(runDate)), firstSeen))
                .withColumn(CustomerFeaturesTable.LOG_FREQUENCY, log1p(col(CustomerFeaturesTable.FREQUENCY)))
                .withColumn(CustomerFeaturesTable.LOG_MONETARY,
                        log1p(when(col(CustomerFeaturesTable.MONETARY).gt(0), col(CustomerFeaturesTable.MONETARY))
                                .otherwise(0.0)))
                .withColumn(CustomerFeaturesTable.LOG_AVERAGE_ORDER_VALUE,
                        log1p(col(CustomerFeaturesTable.AVERAGE_ORDER_VALUE)))
                .drop("__first_order_date");
    }

    private static scala.collection.Seq<String> toSeq(String column) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(column)).toSeq();
    }

    /** Distinct channel labels in a normalized form, for {@link #compute}. */
    public static Column normalizedChannel() {
        return regexp_replace(lower(col(TransactionsTable.CHANNEL)), "[^a-z0-9]+", "_");
    }

    private static Dataset<Row> behaviour(Dataset<Row> transactions, LocalDate runDate, int urgentLeadTimeDays,
            List<String> channels) {
        Column isReturn = coalesce(col(TransactionsTable.IS_RETURN), lit(false));
        Column lineValue = col(TransactionsTable.QUANTITY).multiply(col(TransactionsTable.UNIT_PRICE));
        Dataset<Row> orders = transactions
                .withColumn("__normalized_channel", normalizedChannel())
                .groupBy(TransactionsTable.CUSTOMER_ID, TransactionsTable.ORDER_ID)
                .agg(
                        min(TransactionsTable.ORDER_TIMESTAMP).as("__ordered_at"),
                        sum(when(isReturn.unary_$bang(), lineValue).otherwise(0.0)).as("__gross_value"),
                        sum(when(isReturn, lineValue).otherwise(0.0)).as("__returned_value"),
                        sum(when(isReturn.unary_$bang(), col(TransactionsTable.QUANTITY)).otherwise(0.0)).as("__units"),
                        min(TransactionsTable.REQUESTED_LEAD_TIME_DAYS).as("__lead_time_days"),
                        first("__normalized_channel", true).as("__channel"),
                        max(when(isReturn.unary_$bang(), 1).otherwise(0)).as("__is_purchase"));
        Column purchase = col("__is_purchase").equalTo(1);
        Column gap = (unix_timestamp(col("__ordered_at")).minus(
                lag(unix_timestamp(col("__ordered_at")), 1).over(Window.partitionBy(TransactionsTable.CUSTOMER_ID)
                        .orderBy(col("__ordered_at"), col(TransactionsTable.ORDER_ID))))).divide(SECONDS_PER_DAY);
        Dataset<Row> purchases = orders.where(purchase).withColumn("__gap_days", gap);
        Dataset<Row> returnsOnly = orders.where(purchase.unary_$bang());

        List<Column> aggregates = new ArrayList<>(List.of(
                to_date(min("__ordered_at")).as("__first_order_date"),
                datediff(lit(Date.valueOf(runDate)), to_date(max("__ordered_at"))).as(CustomerFeaturesTable.RECENCY_DAYS),
                count(lit(1)).as(CustomerFeaturesTable.FREQUENCY),
                sum("__gross_value").as("__gross"),
                sum("__returned_value").as("__returned"),
                avg("__gross_value").as(CustomerFeaturesTable.AVERAGE_ORDER_VALUE),
                stddev_pop("__gross_value").divide(avg("__gross_value")).as(CustomerFeaturesTable.ORDER_VALUE_CV),
                avg("__units").as(CustomerFeaturesTable.UNITS_PER_ORDER),
                stddev_pop("__units").divide(avg("__units")).as(CustomerFeaturesTable.ORDER_SIZE_CV),
                avg("__gap_days").as(CustomerFeaturesTable.MEAN_DAYS_BETWEEN_ORDERS),
                stddev_pop("__gap_days").divide(avg("__gap_days")).as(CustomerFeaturesTable.CV_DAYS_BETWEEN_ORDERS),
                percentile_approx(col("__lead_time_days"), lit(0.5), lit(10_000))
                        .cast("double").as(CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS),
                avg(when(col("__lead_time_days").isNull(), null)
                        .when(col("__lead_time_days").leq(urgentLeadTimeDays), 1.0).otherwise(0.0))
                        .as(CustomerFeaturesTable.URGENT_ORDER_SHARE)));
        for (String channel : channels) {
            aggregates.add(avg(when(col("__channel").equalTo(channel), 1.0).otherwise(0.0))
                    .as(CustomerFeaturesTable.CHANNEL_SHARE_PREFIX + channel));
        }
        Dataset<Row> perCustomer = purchases.groupBy(TransactionsTable.CUSTOMER_ID)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        // Return-only orders still carry value back; fold their refunds into the customer's net value.
        Dataset<Row> refunds = returnsOnly.groupBy(TransactionsTable.CUSTOMER_ID)
                .agg(sum("__returned_value").as("__refunds_only"));
        return perCustomer.join(refunds, toSeq(TransactionsTable.CUSTOMER_ID), "full")
                .withColumn("__returned_total", coalesce(col("__returned"), lit(0.0)).plus(coalesce(col("__refunds_only"), lit(0.0))))
                .withColumn(CustomerFeaturesTable.MONETARY, coalesce(col("__gross"), lit(0.0)).minus(col("__returned_total")))
                .withColumn(CustomerFeaturesTable.RETURN_RATE,
                        when(col("__gross").gt(0), col("__returned_total").divide(col("__gross"))))
                .drop("__gross", "__returned", "__refunds_only", "__returned_total");
    }

    private static Dataset<Row> attributes(Dataset<Row> customers, LocalDate runDate) {
        Set<String> present = Set.of(customers.columns());
        Dataset<Row> result = customers.drop(Arrays.stream(customers.columns())
                .filter(name -> name.equals("run_date") || name.equals("run_id")).toArray(String[]::new));
        if (present.contains(CustomersTable.BIRTH_YEAR)) {
            result = result.withColumn(CustomerFeaturesTable.AGE,
                    lit(runDate.getYear()).minus(col(CustomersTable.BIRTH_YEAR)));
        }
        return result;
    }
}
