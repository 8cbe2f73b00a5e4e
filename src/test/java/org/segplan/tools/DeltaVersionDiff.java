package org.segplan.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares a Delta table at an earlier version (time travel, {@code VERSION AS OF}) with its current version and
 * prints one JSON line per table: row counts of both and, for the tables asked, the rows only in one of them (EXCEPT
 * ALL both ways; null for the others, whose rows are compared by count only). Used by the S3 integration test to show
 * that time travel works over {@code s3a://} and that a rerun for the same run date left the same rows. Arguments:
 * {@code ignoredColumns diffedTables tableUri=version ...} where ignoredColumns is a comma-separated list (or "-") of
 * columns that legitimately change on a rerun (durations, start times) and diffedTables a comma-separated list (or
 * "-") of the table names (the last segment of the URI) to diff row by row.
 * Spark and S3A settings come from {@code -Dspark...} system properties, credentials from the environment.
 */
public final class DeltaVersionDiff {
    private DeltaVersionDiff() {
    }

    public static void main(String[] arguments) {
        Set<String> ignored = names(arguments[0]);
        Set<String> diffed = names(arguments[1]);
        SparkSession spark = SparkSession.builder().appName("delta-version-diff").master("local[2]")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            for (String argument : Arrays.copyOfRange(arguments, 2, arguments.length)) {
                int equals = argument.lastIndexOf('=');
                String table = argument.substring(0, equals);
                long version = Long.parseLong(argument.substring(equals + 1));
                Dataset<Row> earlier = comparable(
                        spark.sql("SELECT * FROM delta.`" + table + "` VERSION AS OF " + version), ignored);
                Dataset<Row> current = comparable(spark.sql("SELECT * FROM delta.`" + table + "`"), ignored);
                boolean diff = diffed.contains(table.substring(table.lastIndexOf('/') + 1));
                System.out.printf("{\"table\": \"%s\", \"version\": %d, \"version_rows\": %d, \"current_rows\": %d,"
                                + " \"only_in_version\": %s, \"only_in_current\": %s}%n",
                        table, version, earlier.count(), current.count(),
                        diff ? String.valueOf(earlier.exceptAll(current).count()) : "null",
                        diff ? String.valueOf(current.exceptAll(earlier).count()) : "null");
            }
        } finally {
            spark.stop();
        }
    }

    private static Set<String> names(String list) {
        return list.equals("-") ? Set.of() : Set.copyOf(Arrays.asList(list.split(",")));
    }

    /** Each row as one JSON string of its columns in name order: set operations reject map columns. */
    private static Dataset<Row> comparable(Dataset<Row> rows, Set<String> ignored) {
        List<Column> kept = new ArrayList<>();
        Arrays.stream(rows.columns()).sorted().filter(column -> !ignored.contains(column))
                .forEach(column -> kept.add(col(column)));
        return rows.select(to_json(struct(kept.toArray(new Column[0]))).as("row"));
    }
}
