package org.segplan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The peer of the feature stage: the same per-customer features in DuckDB (in this JVM, {@code threads} threads),
 * over the same Parquet files the Delta tables hold, one row per accepted customer, written to a Parquet file. Mirrors CustomerFeatures: orders
 * first, then per customer recency, frequency, net monetary value, order value and size with their variation,
 * days between orders (lag), return rate, median lead time (the lower median, as Spark's percentile_approx), urgent share, channel, payment and category shares,
 * new and mature product spend shares, seasonality concentration. Prints {@code duckdb_features_seconds=...} and
 * {@code duckdb_floor_seconds=...} (the floor query, for comparison with Spark's).
 * Arguments: lakehouse root, run date (yyyy-MM-dd), threads, output folder.
 */
public final class DuckDbFeatures {
    private static final int URGENT_LEAD_TIME_DAYS = 2;

    private DuckDbFeatures() {
    }

    public static void main(String[] arguments) throws Exception {
        Path lakehouse = Path.of(arguments[0]);
        String runDate = arguments[1];
        int threads = Integer.parseInt(arguments[2]);
        Path output = Path.of(arguments[3]);
        Files.createDirectories(output);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("SET temp_directory = '" + output.resolve("duckdb-tmp") + "'");
            long started = System.nanoTime();
            statement.execute("CREATE VIEW lines AS SELECT * FROM read_parquet(" + files(lakehouse, "validated_transactions") + ")");
            statement.execute("CREATE VIEW products AS SELECT * FROM read_parquet(" + files(lakehouse, "validated_products") + ")");
            statement.execute("CREATE VIEW customers AS SELECT * FROM read_parquet(" + files(lakehouse, "validated_customers") + ")");
            statement.execute("COPY (SELECT customer_id, count(*) AS lines, count(DISTINCT order_id) AS orders,"
                    + " sum(quantity * unit_price) AS revenue, min(order_timestamp) AS first_order,"
                    + " max(order_timestamp) AS last_order FROM lines GROUP BY customer_id) TO '"
                    + output.resolve("duckdb_floor.parquet") + "' (FORMAT parquet)");
            System.out.printf("duckdb_floor_seconds=%.2f%n", (System.nanoTime() - started) / 1e9);

            started = System.nanoTime();
            List<String> channels = vocabulary(statement, "SELECT DISTINCT " + label("channel") + " FROM lines");
            List<String> payments = vocabulary(statement, "SELECT DISTINCT " + label("payment_method") + " FROM lines");
            List<String> categories = vocabulary(statement, "SELECT DISTINCT " + label("category") + " FROM products");
            long customers = featureQuery(statement, runDate, channels, payments, categories, output.resolve("duckdb_features.parquet"));
            System.out.printf("duckdb_features_seconds=%.2f%n", (System.nanoTime() - started) / 1e9);
            System.out.printf("duckdb_feature_rows=%d%n", customers);
        }
    }

    private static long featureQuery(Statement statement, String runDate, List<String> channels,
            List<String> payments, List<String> categories, Path target) throws SQLException {
        StringBuilder orderMix = new StringBuilder();
        for (String category : categories) {
            orderMix.append(", sum(CASE WHEN category = '").append(category)
                    .append("' THEN purchase_value ELSE 0 END) AS spend_").append(category);
        }
        StringBuilder shares = new StringBuilder();
        for (String channel : channels) {
            shares.append(", avg(CASE WHEN channel = '").append(channel).append("' THEN 1.0 ELSE 0.0 END) AS channel_share_")
                    .append(channel);
        }
        for (String payment : payments) {
            shares.append(", avg(CASE WHEN payment = '").append(payment).append("' THEN 1.0 ELSE 0.0 END) AS payment_share_")
                    .append(payment);
        }
        for (String category : categories) {
            shares.append(", CASE WHEN sum(gross_value) > 0 THEN sum(spend_").append(category)
                    .append(") / sum(gross_value) END AS category_share_").append(category);
        }
        StringBuilder concentration = new StringBuilder("0");
        for (int month = 1; month <= 12; month++) {
            concentration.append(" + power(sum(CASE WHEN month(ordered_at) = ").append(month)
                    .append(" THEN gross_value ELSE 0 END) / sum(gross_value), 2)");
        }
        String sql = "COPY (WITH typed AS ("
                + "  SELECT l.*, coalesce(l.is_return, false) AS returned, l.quantity * l.unit_price AS line_value,"
                + "    " + label("p.category") + " AS category, lower(p.lifecycle_stage) AS lifecycle_stage"
                + "  FROM lines l LEFT JOIN products p ON l.product_id = p.product_id),"
                + " valued AS (SELECT *, CASE WHEN NOT returned THEN line_value ELSE 0 END AS purchase_value FROM typed),"
                + " orders AS ("
                + "  SELECT customer_id, order_id, min(order_timestamp) AS ordered_at,"
                + "    sum(purchase_value) AS gross_value,"
                + "    sum(CASE WHEN returned THEN line_value ELSE 0 END) AS returned_value,"
                + "    sum(CASE WHEN NOT returned THEN quantity ELSE 0 END) AS units,"
                + "    min(requested_lead_time_days) AS lead_time_days,"
                + "    first(" + label("channel") + ") AS channel, first(" + label("payment_method") + ") AS payment,"
                + "    sum(CASE WHEN lifecycle_stage IN ('new', 'growth') THEN purchase_value ELSE 0 END) AS new_spend,"
                + "    sum(CASE WHEN lifecycle_stage IN ('mature', 'decline') THEN purchase_value ELSE 0 END) AS mature_spend,"
                + "    max(CASE WHEN NOT returned THEN 1 ELSE 0 END) AS is_purchase" + orderMix
                + "  FROM valued GROUP BY customer_id, order_id),"
                + " purchases AS (SELECT *, (epoch(ordered_at) - lag(epoch(ordered_at)) OVER"
                + "    (PARTITION BY customer_id ORDER BY ordered_at, order_id)) / 86400.0 AS gap_days"
                + "  FROM orders WHERE is_purchase = 1),"
                + " per_customer AS ("
                + "  SELECT customer_id, date_diff('day', max(ordered_at)::DATE, DATE '" + runDate + "') AS recency_days,"
                + "    count(*) AS frequency, sum(gross_value) AS gross, sum(returned_value) AS returned_value,"
                + "    avg(gross_value) AS average_order_value,"
                + "    stddev_pop(gross_value) / avg(gross_value) AS order_value_cv,"
                + "    avg(units) AS units_per_order, stddev_pop(units) / avg(units) AS order_size_cv,"
                + "    avg(gap_days) AS mean_days_between_orders,"
                + "    stddev_pop(gap_days) / avg(gap_days) AS cv_days_between_orders,"
                + "    quantile_disc(lead_time_days, 0.5) AS median_requested_lead_time_days,"
                + "    avg(CASE WHEN lead_time_days IS NULL THEN NULL WHEN lead_time_days <= " + URGENT_LEAD_TIME_DAYS
                + "      THEN 1.0 ELSE 0.0 END) AS urgent_order_share" + shares
                + "    , CASE WHEN sum(gross_value) > 0 THEN sum(new_spend) / sum(gross_value) END AS new_product_spend_share"
                + "    , CASE WHEN sum(gross_value) > 0 THEN sum(mature_spend) / sum(gross_value) END AS mature_product_spend_share"
                + "    , CASE WHEN sum(gross_value) > 0 THEN " + concentration + " END AS seasonality_concentration"
                + "  FROM purchases GROUP BY customer_id),"
                + " refunds AS (SELECT customer_id, sum(returned_value) AS refunds_only FROM orders"
                + "  WHERE is_purchase = 0 GROUP BY customer_id)"
                + " SELECT customers.*, c.* EXCLUDE (customer_id, frequency), coalesce(c.frequency, 0) AS frequency,"
                + "   coalesce(c.gross, 0) - coalesce(c.returned_value, 0) - coalesce(r.refunds_only, 0) AS monetary,"
                + "   CASE WHEN c.gross > 0 THEN (coalesce(c.returned_value, 0) + coalesce(r.refunds_only, 0)) / c.gross END"
                + "     AS return_rate"
                + " FROM customers LEFT JOIN per_customer c ON customers.customer_id = c.customer_id"
                + " LEFT JOIN refunds r ON customers.customer_id = r.customer_id"
                + ") TO '" + target + "' (FORMAT parquet)";
        statement.execute(sql);
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM read_parquet('" + target + "')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String label(String column) {
        return "regexp_replace(lower(trim(" + column + ")), '[^a-z0-9]+', '_', 'g')";
    }

    private static List<String> vocabulary(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String value = rows.getString(1);
                if (value != null && value.matches("[a-z0-9_]+")) {
                    values.add(value);
                }
            }
        }
        values.sort(String::compareTo);
        return values;
    }

    /** The Parquet files of a table's current version, from its Delta log (adds minus removes, no checkpoint). */
    static String files(Path lakehouse, String table) throws IOException {
        Path log = lakehouse.resolve(table).resolve("_delta_log");
        ObjectMapper json = new ObjectMapper();
        Set<String> live = new LinkedHashSet<>();
        List<Path> commits;
        try (Stream<Path> entries = Files.list(log)) {
            commits = entries.filter(path -> path.getFileName().toString().matches("[0-9]{20}\\.json")).sorted().toList();
        }
        try (Stream<Path> entries = Files.list(log)) {
            if (entries.anyMatch(path -> path.getFileName().toString().contains(".checkpoint"))) {
                throw new IllegalStateException(table + " has a checkpoint: run the bench on a fresh lakehouse");
            }
        }
        for (Path commit : commits) {
            for (String line : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
                JsonNode action = json.readTree(line);
                if (action.has("add")) {
                    live.add(action.get("add").get("path").asText());
                } else if (action.has("remove")) {
                    live.remove(action.get("remove").get("path").asText());
                }
            }
        }
        List<String> quoted = new ArrayList<>();
        for (String relative : live) {
            String path = lakehouse.resolve(table).resolve(URLDecoder.decode(relative, StandardCharsets.UTF_8)).toString();
            quoted.add("'" + path.replace("'", "''") + "'");
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}
