package org.segplan.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.segplan.config.ConfiguredRun;
import org.segplan.config.SegplanConfig;
import org.segplan.error.Errors;
import org.segplan.io.CodeVersion;
import org.segplan.io.RunIdentity;
import org.segplan.io.SparkSessions;
import org.segplan.mapping.InputFormat;
import org.segplan.pipeline.RunContext;
import org.segplan.pipeline.SegmentEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the adjusted Rand index of a run's segments against a planted ground truth (benchmarks, demos). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare customer_segments of the run date with a ground truth (customer_id, true_segment), "
                + "such as the one 'segplan generate' writes; prints the adjusted Rand index. Writes nothing.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--truth", required = true, paramLabel = "PATH",
            description = "The ground truth, e.g. <generate output>/ground-truth/customer_segments_truth[.csv]")
    String truth;

    @Option(names = "--truth-format", defaultValue = "parquet",
            description = "parquet, csv, delta or json (default ${DEFAULT-VALUE})")
    String truthFormat;

    @Override
    public Integer call() {
        InputFormat format = Arrays.stream(InputFormat.values())
                .filter(candidate -> candidate.sparkName().equalsIgnoreCase(truthFormat)).findFirst()
                .orElseThrow(() -> Errors.invalidArgument("--truth-format", truthFormat, "it is not a supported format",
                        "use parquet, csv, delta or json"));
        ConfiguredRun loaded = common.loadRun();
        SegplanConfig config = loaded.config();
        RunIdentity run = RunIdentity.of(loaded.runDate(), config.effectiveHash(), CodeVersion.current());
        SparkSession spark = SparkSessions.create(config.spark());
        try {
            SegmentEvaluation.Result result = SegmentEvaluation.evaluate(RunContext.create(spark, config, run), truth,
                    format);
            System.out.printf(java.util.Locale.ROOT,
                    "customers=%d k=%d planted_segments=%d adjusted_rand_index=%.4f%n", result.customers(), result.k(),
                    result.plantedSegments(), result.adjustedRandIndex());
            return 0;
        } finally {
            spark.stop();
        }
    }
}
