package org.segplan.generate;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The generated inputs, every column as text the way an export would hold it, and the planted truth, which
 * is never part of the inputs.
 */
public record GeneratedData(Dataset<Row> customers, Dataset<Row> products, Dataset<Row> distributionCenters,
        Dataset<Row> calendar, Dataset<Row> transactions, Dataset<Row> groundTruth) {
    public GeneratedData {
        requireNonNull(customers, "customers is null");
        requireNonNull(products, "products is null");
        requireNonNull(distributionCenters, "distributionCenters is null");
        requireNonNull(calendar, "calendar is null");
        requireNonNull(transactions, "transactions is null");
        requireNonNull(groundTruth, "groundTruth is null");
    }
}
