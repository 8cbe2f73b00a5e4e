package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.SparkSession;
import org.segplan.config.SegplanConfig;
import org.segplan.io.InputReader;
import org.segplan.io.Lakehouse;
import org.segplan.io.RunIdentity;
import org.segplan.io.TableStore;

/**
 * Everything a stage needs: the session, the validated configuration, who the run is, and the table store (Delta
 * in a run, in memory in tests whose subject is not storage).
 */
public record RunContext(SparkSession spark, SegplanConfig config, RunIdentity run, TableStore tables,
        InputReader inputs) {
    public RunContext {
        requireNonNull(spark, "spark is null");
        requireNonNull(config, "config is null");
        requireNonNull(run, "run is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(inputs, "inputs is null");
    }

    /** A run on Delta tables under the configured lakehouse root. */
    public static RunContext create(SparkSession spark, SegplanConfig config, RunIdentity run) {
        return create(spark, config, run, new Lakehouse(spark, config.lakehouseRoot()));
    }

    public static RunContext create(SparkSession spark, SegplanConfig config, RunIdentity run, TableStore tables) {
        return new RunContext(spark, config, run, tables, new InputReader(spark));
    }
}
