package org.segplan.forecast;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CalendarTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.TransactionsTable;

/**
 * Net demand per segment x product category (x region) x bucket from the validated order lines: returns
 * subtract, lines after the last full bucket are left out, and lines whose customer is missing or has no segment
 * are demand too (segment_id null).
 */
public final class SegmentDemand {
    /** Region of customers without one, when series are split by region. */
    public static final String UNKNOWN_REGION = "UNKNOWN";

    private SegmentDemand() {
    }

    /**
     * @param customers present when series are split by region
     * @return rows of {@link SeriesInputColumns}: series_id, segment_id, category, region, period_start, units, value
     */
    public static Dataset<Row> aggregate(Dataset<Row> transactions, Dataset<Row> products, Dataset<Row> segments,
            Optional<Dataset<Row>> customers, Bucket bucket, LocalDate lastFullStart) {
        Column sign = when(coalesce(col(TransactionsTable.IS_RETURN), lit(false)), lit(-1.0)).otherwise(lit(1.0));
        Dataset<Row> lines = transactions
                .select(col(TransactionsTable.CUSTOMER_ID), col(TransactionsTable.PRODUCT_ID),
                        periodStart(col(TransactionsTable.ORDER_TIMESTAMP), bucket).as(SeriesInputColumns.PERIOD_START),
                        col(TransactionsTable.QUANTITY).multiply(sign).as(SeriesInputColumns.UNITS),
                        col(TransactionsTable.QUANTITY).multiply(col(TransactionsTable.UNIT_PRICE)).multiply(sign)
                                .as(SeriesInputColumns.VALUE))
                .where(col(SeriesInputColumns.PERIOD_START).leq(lit(Date.valueOf(lastFullStart))))
                .join(products.select(col(ProductsTable.PRODUCT_ID),
                        lower(trim(col(ProductsTable.CATEGORY))).as(SeriesInputColumns.CATEGORY)), ProductsTable.PRODUCT_ID)
                .join(segments.select(col(CustomerSegmentsTable.CUSTOMER_ID),
                        col(CustomerSegmentsTable.SEGMENT_ID).as(SeriesInputColumns.SEGMENT_ID)),
                        TransactionsTable.CUSTOMER_ID, "left");
        if (customers.isPresent()) {
            lines = lines.join(customers.get().select(col(CustomersTable.CUSTOMER_ID),
                    col(CustomersTable.REGION).as("customer_region")), TransactionsTable.CUSTOMER_ID, "left")
                    .withColumn(SeriesInputColumns.REGION, coalesce(col("customer_region"), lit(UNKNOWN_REGION)));
        } else {
            lines = lines.withColumn(SeriesInputColumns.REGION, lit(ForecastAccuracyTable.ALL));
        }
        return lines.groupBy(SeriesInputColumns.SEGMENT_ID, SeriesInputColumns.CATEGORY, SeriesInputColumns.REGION,
                        SeriesInputColumns.PERIOD_START)
                .agg(sum(SeriesInputColumns.UNITS).as(SeriesInputColumns.UNITS),
                        sum(SeriesInputColumns.VALUE).as(SeriesInputColumns.VALUE))
                .withColumn(SeriesInputColumns.SERIES_ID, concat_ws("|",
                        coalesce(col(SeriesInputColumns.SEGMENT_ID).cast("string"), lit("unsegmented")),
                        col(SeriesInputColumns.CATEGORY), col(SeriesInputColumns.REGION)));
    }

    /** Holiday and promotion days per bucket, from the validated calendar. */
    public static Dataset<Row> calendarDays(Dataset<Row> calendar, Bucket bucket) {
        return calendar.groupBy(periodStart(col(CalendarTable.CALENDAR_DATE), bucket).as(SeriesInputColumns.PERIOD_START))
                .agg(count(when(col(CalendarTable.IS_HOLIDAY).equalTo(true), lit(1))).as("holiday_days"),
                        count(when(col(CalendarTable.IS_PROMOTION).equalTo(true), lit(1))).as("promotion_days"));
    }

    /** The first day of the bucket: Monday for weeks (Spark's week truncation is ISO), the 1st for months. */
    public static Column periodStart(Column timestamp, Bucket bucket) {
        return date_trunc(bucket == Bucket.WEEK ? "week" : "month", timestamp).cast("date");
    }
}
