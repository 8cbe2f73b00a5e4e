package org.segplan.classify;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.policy.ServicePlan;

/**
 * Everything the classification of one run produces: the rows of each output table (without run_date and run_id),
 * the rows each table expects and holds, and the notes. The ABC/XYZ frames are held in memory until
 * {@link #close()}: write them first.
 *
 * @param ruleSegments  customer_rule_segments rows
 * @param crosstab      segment_rule_crosstab rows
 * @param customerAbcXyz customer_abc_xyz rows
 * @param productAbcXyz product_abc_xyz rows
 * @param servicePlan   segment_service_policy, service_policy_coverage and service_policy_complexity
 * @param counts        per output table in write order: rows expected and rows produced
 * @param persisted     frames held in memory for the writes, released by {@link #close()}
 */
public record ClassificationResult(Dataset<Row> ruleSegments, Dataset<Row> crosstab, Dataset<Row> customerAbcXyz,
        Dataset<Row> productAbcXyz, ServicePlan servicePlan, List<Count> counts, List<String> notes,
        List<Dataset<Row>> persisted) implements AutoCloseable {
    public ClassificationResult {
        requireNonNull(ruleSegments, "ruleSegments is null");
        requireNonNull(crosstab, "crosstab is null");
        requireNonNull(customerAbcXyz, "customerAbcXyz is null");
        requireNonNull(productAbcXyz, "productAbcXyz is null");
        requireNonNull(servicePlan, "servicePlan is null");
        counts = List.copyOf(counts);
        notes = List.copyOf(notes);
        persisted = List.copyOf(persisted);
    }

    /** Rows one output table should have (from its input) and has. */
    public record Count(String table, long rowsIn, long rowsOut) {
        public Count {
            requireNonNull(table, "table is null");
        }
    }

    @Override
    public void close() {
        persisted.forEach(Dataset::unpersist);
    }
}
