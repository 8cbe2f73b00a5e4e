package org.segplan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.segplan.config.ConfiguredRun;
import org.segplan.config.SegplanConfig;
import org.segplan.io.CodeVersion;
import org.segplan.io.RunIdentity;
import org.segplan.io.SparkSessions;
import org.segplan.pipeline.PipelineRunner;
import org.segplan.pipeline.RunContext;
import org.segplan.pipeline.Stage;
import picocli.CommandLine.Mixin;

/** A command that runs some stages of the pipeline for one run date. */
abstract class PipelineCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    abstract List<Stage> stages();

    @Override
    public Integer call() {
        List<Stage> stages = stages();
        ConfiguredRun loaded = common.loadRun();
        SegplanConfig config = loaded.config();
        RunIdentity run = RunIdentity.of(loaded.runDate(), config.effectiveHash(), CodeVersion.current());
        SparkSession spark = SparkSessions.create(config.spark());
        ProgressListener.attach(spark, System.err);
        try {
            new PipelineRunner(RunContext.create(spark, config, run), System.out).run(stages);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
