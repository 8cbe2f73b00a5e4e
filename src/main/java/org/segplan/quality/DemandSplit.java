package org.segplan.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.segplan.contract.DemandSplitTable;
import org.segplan.contract.TransactionsTable;

/** Splits accepted order lines into those with and without a customer id: lines, net units, net value, shares. */
public final class DemandSplit {
    private DemandSplit() {
    }

    public static Dataset<Row> compute(Dataset<Row> transactions) {
        Column sign = when(coalesce(col(TransactionsTable.IS_RETURN), lit(false)), -1.0).otherwise(1.0);
        Column units = col(TransactionsTable.QUANTITY).multiply(sign);
        Column value = units.multiply(col(TransactionsTable.UNIT_PRICE));
        Dataset<Row> groups = transactions
                .groupBy(col(TransactionsTable.CUSTOMER_ID).isNotNull().as(DemandSplitTable.HAS_CUSTOMER))
                .agg(count(lit(1)).as(DemandSplitTable.LINES), sum(units).as(DemandSplitTable.NET_UNITS),
                        sum(value).as(DemandSplitTable.NET_VALUE));
        return groups
                .withColumn(DemandSplitTable.LINE_SHARE, col(DemandSplitTable.LINES)
                        .divide(sum(DemandSplitTable.LINES).over(Window.partitionBy())))
                .withColumn(DemandSplitTable.VALUE_SHARE, col(DemandSplitTable.NET_VALUE)
                        .divide(sum(DemandSplitTable.NET_VALUE).over(Window.partitionBy())))
                .orderBy(col(DemandSplitTable.HAS_CUSTOMER).desc());
    }

    /** One line for the stage notes. */
    public static String describe(List<Row> split) {
        StringBuilder text = new StringBuilder("transactions demand split:");
        for (Row row : split) {
            text.append(String.format(Locale.ROOT, " %s customer %d lines (%.1f%%), %.0f net units, %.2f net value (%.1f%%);",
                    row.getBoolean(0) ? "with" : "without", row.getLong(1), 100 * row.getDouble(4), row.getDouble(2),
                    row.getDouble(3), 100 * row.getDouble(5)));
        }
        return text.substring(0, text.length() - 1);
    }
}
