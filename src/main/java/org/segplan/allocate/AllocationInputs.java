package org.segplan.allocate;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The frames the allocation reads, one run date's rows each.
 *
 * @param forecast segment_demand_forecast
 * @param customers validated customers (zones come from their city or coordinates)
 * @param transactions validated order lines (zone shares of history, supply risk)
 * @param products validated products (the category of each order line)
 * @param segments customer_segments
 * @param centers validated distribution centers
 * @param policies segment_service_policy, when the run has one (maximum lead times)
 */
public record AllocationInputs(Dataset<Row> forecast, Dataset<Row> customers, Dataset<Row> transactions,
        Dataset<Row> products, Dataset<Row> segments, Dataset<Row> centers, Optional<Dataset<Row>> policies) {
    public AllocationInputs {
        requireNonNull(forecast, "forecast is null");
        requireNonNull(customers, "customers is null");
        requireNonNull(transactions, "transactions is null");
        requireNonNull(products, "products is null");
        requireNonNull(segments, "segments is null");
        requireNonNull(centers, "centers is null");
        requireNonNull(policies, "policies is null");
    }
}
