package org.segplan.generate;

import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Random numbers as pure functions of (seed, purpose, row keys). Unlike rand(), the value of a row does not
 * depend on partitioning or row order, so the same seed gives the same data on 2 cores or 200.
 */
final class Randomness {
    private static final long TWO_TO_53 = 1L << 53;
    private final long seed;

    Randomness(long seed) {
        this.seed = seed;
    }

    /** Uniform in [0, 1). */
    Column uniform(String purpose, Column... keys) {
        List<Column> inputs = new ArrayList<>();
        inputs.add(lit(seed));
        inputs.add(lit(purpose));
        inputs.addAll(List.of(keys));
        return pmod(xxhash64(inputs.toArray(Column[]::new)), lit(TWO_TO_53)).cast("double").divide(TWO_TO_53);
    }

    /** Standard normal by Box-Muller. */
    Column normal(String purpose, Column... keys) {
        Column first = greatest(uniform(purpose + ":1", keys), lit(1e-12));
        Column second = uniform(purpose + ":2", keys);
        return sqrt(log(first).multiply(-2.0)).multiply(cos(second.multiply(2 * Math.PI)));
    }

    /** Index 0..weights.length-1 drawn with the given (unnormalized) weights. */
    static Column choose(Column uniform, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        Column result = lit(weights.length - 1);
        double cumulative = 0;
        double[] bounds = new double[weights.length];
        for (int index = 0; index < weights.length; index++) {
            cumulative += weights[index] / total;
            bounds[index] = cumulative;
        }
        for (int index = weights.length - 2; index >= 0; index--) {
            result = when(uniform.lt(bounds[index]), lit(index)).otherwise(result);
        }
        return result;
    }
}
