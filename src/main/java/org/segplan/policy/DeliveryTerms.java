package org.segplan.policy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.TransactionsTable;
import org.segplan.features.CustomerFeatures;

/**
 * The delivery terms customers ask for: (requested lead time bucket, channel, order size class) per purchase line.
 * Counting their distinct combinations shows how many different promises a planner would juggle without policies.
 */
public final class DeliveryTerms {
    public static final String LEAD_TIME_BUCKET = "lead_time_bucket";
    public static final String CHANNEL = "channel";
    public static final String ORDER_SIZE_CLASS = "order_size_class";
    private static final String UNKNOWN = "unknown";

    private DeliveryTerms() {
    }

    /** The tertiles of units per purchase line: lines up to the first are small, up to the second medium. */
    public record SizeTertiles(Double smallMaxUnits, Double mediumMaxUnits) {
    }

    public static SizeTertiles tertiles(Dataset<Row> transactions) {
        Row row = purchases(transactions).agg(percentile_approx(col(TransactionsTable.QUANTITY).cast("double"),
                org.apache.spark.sql.functions.array(lit(1.0 / 3), lit(2.0 / 3)), lit(10_000))).head();
        if (row.isNullAt(0)) {
            return new SizeTertiles(null, null);
        }
        java.util.List<Double> values = row.getList(0);
        return new SizeTertiles(values.get(0), values.get(1));
    }

    /** One row per purchase line with its lead time bucket, normalized channel and size class. */
    public static Dataset<Row> terms(Dataset<Row> transactions, SizeTertiles tertiles) {
        Column lead = col(TransactionsTable.REQUESTED_LEAD_TIME_DAYS);
        Column bucket = when(lead.isNull(), UNKNOWN).when(lead.leq(1), "0-1").when(lead.leq(3), "2-3")
                .when(lead.leq(7), "4-7").when(lead.leq(14), "8-14").otherwise("15+");
        Column quantity = col(TransactionsTable.QUANTITY);
        Column size = tertiles.smallMaxUnits() == null ? lit(UNKNOWN)
                : when(quantity.leq(tertiles.smallMaxUnits()), "small")
                        .when(quantity.leq(tertiles.mediumMaxUnits()), "medium").otherwise("large");
        return purchases(transactions).select(bucket.as(LEAD_TIME_BUCKET),
                coalesce(CustomerFeatures.normalizedLabel(TransactionsTable.CHANNEL), lit(UNKNOWN)).as(CHANNEL),
                size.as(ORDER_SIZE_CLASS));
    }

    public static long distinctCombinations(Dataset<Row> terms) {
        return terms.agg(count_distinct(col(LEAD_TIME_BUCKET), col(CHANNEL), col(ORDER_SIZE_CLASS))).head().getLong(0);
    }

    private static Dataset<Row> purchases(Dataset<Row> transactions) {
        return transactions.where(coalesce(col(TransactionsTable.IS_RETURN), lit(false)).unary_$bang());
    }
}
