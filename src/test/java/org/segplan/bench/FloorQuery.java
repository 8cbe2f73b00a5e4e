package org.segplan.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The floor of the feature stage: one scan of the validated transactions and one per-customer aggregation (lines,
 * distinct orders, revenue, first and last order), nothing else. Any feature query reads at least this much, so
 * the feature stage's time divided by this one's says what its extra work costs. The result is computed in full
 * and discarded (Spark's noop sink), so no write cost is counted. Prints {@code floor_seconds=...}.
 * Arguments: lakehouse root, shuffle partitions.
 */
public final class FloorQuery {
    private FloorQuery() {
    }

    public static void main(String[] arguments) {
        String lakehouse = arguments[0];
        SparkSession spark = BenchSessions.create("segplan-bench-floor", Integer.parseInt(arguments[1]));
        try {
            long started = System.nanoTime();
            Dataset<Row> lines = spark.read().format("delta").load(lakehouse + "/validated_transactions");
            lines.groupBy("customer_id")
                    .agg(count(lit(1)).as("lines"), countDistinct("order_id").as("orders"),
                            sum(col("quantity").multiply(col("unit_price"))).as("revenue"),
                            min("order_timestamp").as("first_order"), max("order_timestamp").as("last_order"))
                    .write().format("noop").mode("overwrite").save();
            System.out.printf("floor_seconds=%.2f%n", (System.nanoTime() - started) / 1e9);
        } finally {
            spark.stop();
        }
    }
}
