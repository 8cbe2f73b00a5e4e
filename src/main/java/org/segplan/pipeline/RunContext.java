package org.segplan.pipeline;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.SparkSession;
import org.segplan.config.SegplanConfig;
import org.segplan.io.InputReader;
import org.segplan.io.Lakehouse;
import org.segplan.io.RunIdentity;

/** Everything a stage needs: the session, the validated configuration, who the run is, and where tables live. */
public record RunContext(SparkSession spark, SegplanConfig config, RunIdentity run, Lakehouse lakehouse,
        InputReader inputs) {
    public RunContext {
        requireNonNull(spark, "spark is null");
        requireNonNull(config, "config is null");
        requireNonNull(run, "run is null");
        requireNonNull(lakehouse, "lakehouse is null");
        requireNonNull(inputs, "inputs is null");
    }

    public static RunContext create(SparkSession spark, SegplanConfig config, RunIdentity run) {
        return new RunContext(spark, config, run, new Lakehouse(spark, config.lakehouseRoot()), new InputReader(spark));
    }
}
