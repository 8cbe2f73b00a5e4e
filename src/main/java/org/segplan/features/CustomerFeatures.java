package org.segplan.features;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
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
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
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
import org.apache.spark.sql.expressions.WindowSpec;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ProductsTable;
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
     * @param products   product id, category and lifecycle stage, for the category and new-product mix
     * @param vocabulary the labels to build share columns for
     */
    public static Dataset<Row> compute(Dataset<Row> customers, Dataset<Row> transactions, Dataset<Row> products,
            LocalDate runDate, int urgentLeadTimeDays, FeatureVocabulary vocabulary) {
        // Lines without a customer (segplan.validation.anonymous-transactions = keep) are demand, not behaviour.
        Dataset<Row> identified = transactions.where(col(TransactionsTable.CUSTOMER_ID).isNotNull());
        Dataset<Row> behaviour = behaviour(withProductAttributes(identified, products), runDate, urgentLeadTimeDays,
                vocabulary);
        Dataset<Row> attributes = attributes(customers, runDate);
        Dataset<Row> joined = attributes.join(behaviour, toSeq(CustomersTable.CUSTOMER_ID), "left");
        Column signup = Arrays.asList(customers.columns()).contains(CustomersTable.SIGNUP_DATE)
                ? col(CustomersTable.SIGNUP_DATE) : lit(null).cast("date");
        Column firstSeen = least(coalesce(signup, col("__first_order_date")), coalesce(col("__first_order_date"), signup));
        joined = withCrmTotals(joined, Set.of(customers.columns()), runDate);
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

    /**
     * Customers without order lines take value, frequency, average order value and recency from the CRM totals
     * (total_spend, order_count, last_order_date) when the customers table has them: a CRM profile export then
     * segments on the same features as order lines would give. Customers with order lines keep the line-based values.
     */
    private static Dataset<Row> withCrmTotals(Dataset<Row> joined, Set<String> customerColumns, LocalDate runDate) {
        Column noLines = col("__first_order_date").isNull();
        Dataset<Row> result = joined;
        if (customerColumns.contains(CustomersTable.ORDER_COUNT)) {
            result = result.withColumn(CustomerFeaturesTable.FREQUENCY,
                    when(noLines, col(CustomersTable.ORDER_COUNT).cast("long")).otherwise(col(CustomerFeaturesTable.FREQUENCY)));
        }
        if (customerColumns.contains(CustomersTable.TOTAL_SPEND)) {
            result = result.withColumn(CustomerFeaturesTable.MONETARY,
                    when(noLines, col(CustomersTable.TOTAL_SPEND)).otherwise(col(CustomerFeaturesTable.MONETARY)));
        }
        if (customerColumns.contains(CustomersTable.ORDER_COUNT) && customerColumns.contains(CustomersTable.TOTAL_SPEND)) {
            result = result.withColumn(CustomerFeaturesTable.AVERAGE_ORDER_VALUE,
                    when(noLines.and(col(CustomersTable.ORDER_COUNT).gt(0)),
                            col(CustomersTable.TOTAL_SPEND).divide(col(CustomersTable.ORDER_COUNT)))
                            .otherwise(col(CustomerFeaturesTable.AVERAGE_ORDER_VALUE)));
        }
        if (customerColumns.contains(CustomersTable.LAST_ORDER_DATE)) {
            result = result.withColumn(CustomerFeaturesTable.RECENCY_DAYS,
                    when(noLines, datediff(lit(Date.valueOf(runDate)), col(CustomersTable.LAST_ORDER_DATE)))
                            .otherwise(col(CustomerFeaturesTable.RECENCY_DAYS)));
        }
        return result;
    }

    private static scala.collection.Seq<String> toSeq(String column) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(column)).toSeq();
    }

    /** A label as it appears in a column name: lower case, runs of other characters as one underscore. */
    public static Column normalizedLabel(String column) {
        return regexp_replace(lower(trim(col(column))), "[^a-z0-9]+", "_");
    }

    private static Dataset<Row> withProductAttributes(Dataset<Row> transactions, Dataset<Row> products) {
        Dataset<Row> attributes = products.select(
                col(ProductsTable.PRODUCT_ID).as("__product_id"),
                normalizedLabel(ProductsTable.CATEGORY).as("__category"),
                lower(col(ProductsTable.LIFECYCLE_STAGE)).as("__lifecycle_stage"));
        Dataset<Row> joined = transactions.join(broadcast(attributes),
                transactions.col(TransactionsTable.PRODUCT_ID).equalTo(attributes.col("__product_id")), "left");
        return joined.drop("__product_id");
    }

    private static Dataset<Row> behaviour(Dataset<Row> transactions, LocalDate runDate, int urgentLeadTimeDays,
            FeatureVocabulary vocabulary) {
        Column isReturn = coalesce(col(TransactionsTable.IS_RETURN), lit(false));
        Column lineValue = col(TransactionsTable.QUANTITY).multiply(col(TransactionsTable.UNIT_PRICE));
        Column purchaseValue = when(isReturn.unary_$bang(), lineValue).otherwise(0.0);
        // Mixes are summed per order first, in the same aggregation, so they cost no extra shuffle.
        List<Column> orderAggregates = new ArrayList<>(List.of(
                sum(purchaseValue).as("__gross_value"),
                sum(when(isReturn, lineValue).otherwise(0.0)).as("__returned_value"),
                sum(when(isReturn.unary_$bang(), col(TransactionsTable.QUANTITY)).otherwise(0.0)).as("__units"),
                min(TransactionsTable.REQUESTED_LEAD_TIME_DAYS).as("__lead_time_days"),
                first(TransactionsTable.CHANNEL, true).as("__raw_channel"),
                first(TransactionsTable.PAYMENT_METHOD, true).as("__raw_payment"),
                sum(when(col("__lifecycle_stage").isin("new", "growth"), purchaseValue).otherwise(0.0)).as("__new_spend"),
                sum(when(col("__lifecycle_stage").isin("mature", "decline"), purchaseValue).otherwise(0.0))
                        .as("__mature_spend"),
                max(when(isReturn.unary_$bang(), 1).otherwise(0)).as("__is_purchase")));
        for (String category : vocabulary.categories()) {
            orderAggregates.add(sum(when(col("__category").equalTo(category), purchaseValue).otherwise(0.0))
                    .as("__spend_" + category));
        }
        // Labels are normalized per order, not per line: the regular expressions are the costliest per-row work.
        Dataset<Row> orders = transactions
                .groupBy(TransactionsTable.CUSTOMER_ID, TransactionsTable.ORDER_ID)
                .agg(min(TransactionsTable.ORDER_TIMESTAMP).as("__ordered_at"), orderAggregates.toArray(Column[]::new))
                .withColumn("__channel", normalizedLabel("__raw_channel"))
                .withColumn("__payment", normalizedLabel("__raw_payment"))
                .drop("__raw_channel", "__raw_payment");
        // One aggregation over all orders: behaviour features count purchase orders only (onPurchase), while
        // refunds of every order, return-only ones included, net off the value. A separate return-only branch would
        // aggregate the lines a second time and need a full outer join.
        Column purchase = col("__is_purchase").equalTo(1);
        // Return-only orders sort first, so the lag of a purchase is another purchase, or null for the first one.
        Column previousIsPurchase = lag(col("__is_purchase"), 1).over(byCustomer());
        Column gap = when(purchase.and(previousIsPurchase.equalTo(1)),
                unix_timestamp(col("__ordered_at")).minus(lag(unix_timestamp(col("__ordered_at")), 1).over(byCustomer()))
                        .divide(SECONDS_PER_DAY));
        Dataset<Row> withGaps = orders.withColumn("__gap_days", gap);

        Column grossValue = onPurchase("__gross_value");
        Column units = onPurchase("__units");
        Column orderedAt = onPurchase("__ordered_at");
        List<Column> aggregates = new ArrayList<>(List.of(
                to_date(min(orderedAt)).as("__first_order_date"),
                datediff(lit(Date.valueOf(runDate)), to_date(max(orderedAt))).as(CustomerFeaturesTable.RECENCY_DAYS),
                count(when(purchase, lit(1))).as(CustomerFeaturesTable.FREQUENCY),
                sum(grossValue).as("__gross"),
                sum("__returned_value").as("__returned_total"),
                avg(grossValue).as(CustomerFeaturesTable.AVERAGE_ORDER_VALUE),
                stddev_pop(grossValue).divide(avg(grossValue)).as(CustomerFeaturesTable.ORDER_VALUE_CV),
                avg(units).as(CustomerFeaturesTable.UNITS_PER_ORDER),
                stddev_pop(units).divide(avg(units)).as(CustomerFeaturesTable.ORDER_SIZE_CV),
                avg("__gap_days").as(CustomerFeaturesTable.MEAN_DAYS_BETWEEN_ORDERS),
                stddev_pop("__gap_days").divide(avg("__gap_days")).as(CustomerFeaturesTable.CV_DAYS_BETWEEN_ORDERS),
                percentile_approx(onPurchase("__lead_time_days"), lit(0.5), lit(10_000))
                        .cast("double").as(CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS),
                avg(when(purchase, when(col("__lead_time_days").isNull(), null)
                        .when(col("__lead_time_days").leq(urgentLeadTimeDays), 1.0).otherwise(0.0)))
                        .as(CustomerFeaturesTable.URGENT_ORDER_SHARE)));
        for (String channel : vocabulary.channels()) {
            aggregates.add(avg(when(purchase, when(col("__channel").equalTo(channel), 1.0).otherwise(0.0)))
                    .as(CustomerFeaturesTable.CHANNEL_SHARE_PREFIX + channel));
        }
        for (String payment : vocabulary.paymentMethods()) {
            aggregates.add(avg(when(purchase, when(col("__payment").equalTo(payment), 1.0).otherwise(0.0)))
                    .as(CustomerFeaturesTable.PAYMENT_SHARE_PREFIX + payment));
        }
        Column gross = sum(grossValue);
        for (String category : vocabulary.categories()) {
            aggregates.add(when(gross.gt(0), sum(onPurchase("__spend_" + category)).divide(gross))
                    .as(CustomerFeaturesTable.CATEGORY_SHARE_PREFIX + category));
        }
        aggregates.add(when(gross.gt(0), sum(onPurchase("__new_spend")).divide(gross))
                .as(CustomerFeaturesTable.NEW_PRODUCT_SPEND_SHARE));
        aggregates.add(when(gross.gt(0), sum(onPurchase("__mature_spend")).divide(gross))
                .as(CustomerFeaturesTable.MATURE_PRODUCT_SPEND_SHARE));
        // Herfindahl index of spend over the twelve calendar months: 1/12 when even, 1 when all in one month.
        Column concentration = lit(0.0);
        for (int month = 1; month <= 12; month++) {
            Column share = sum(when(month(orderedAt).equalTo(month), grossValue).otherwise(0.0)).divide(gross);
            concentration = concentration.plus(share.multiply(share));
        }
        aggregates.add(when(gross.gt(0), concentration).as(CustomerFeaturesTable.SEASONALITY_CONCENTRATION));
        return withGaps.groupBy(TransactionsTable.CUSTOMER_ID)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .withColumn(CustomerFeaturesTable.MONETARY,
                        coalesce(col("__gross"), lit(0.0)).minus(coalesce(col("__returned_total"), lit(0.0))))
                .withColumn(CustomerFeaturesTable.RETURN_RATE,
                        when(col("__gross").gt(0), coalesce(col("__returned_total"), lit(0.0)).divide(col("__gross"))))
                .drop("__gross", "__returned_total");
    }

    /** A customer's orders, return-only orders first, then by time: the order the purchase gaps are taken in. */
    private static WindowSpec byCustomer() {
        return Window.partitionBy(TransactionsTable.CUSTOMER_ID)
                .orderBy(col("__is_purchase"), col("__ordered_at"), col(TransactionsTable.ORDER_ID));
    }

    /** The order-level value on purchase orders, null on return-only orders (aggregates skip nulls). */
    private static Column onPurchase(String orderColumn) {
        return when(col("__is_purchase").equalTo(1), col(orderColumn));
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
