package org.segplan.cli;

import java.util.List;
import org.segplan.error.Errors;
import org.segplan.pipeline.Stage;
import org.segplan.pipeline.Stages;
import picocli.CommandLine.Command;

/** One subcommand per stage, plus {@code run} for all of them. */
final class StageCommands {
    private StageCommands() {
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run every stage this version has, in order (ingest, features, segment, check).")
    static final class Run extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return Stages.all();
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Read and validate the inputs; write validated_* tables and the quarantine.")
    static final class Ingest extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return List.of(Stages.ingest());
        }
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "Compute customer_features and feature_dictionary from the validated inputs.")
    static final class Features extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return List.of(Stages.features());
        }
    }

    @Command(name = "segment", mixinStandardHelpOptions = true,
            description = "Segment customers with k-means; write customer_segments and the model selection.")
    static final class Segment extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return List.of(Stages.segment());
        }
    }

    @Command(name = "forecast", mixinStandardHelpOptions = true,
            description = "Segment-level demand forecasts (planned; not in this version).")
    static final class Forecast extends PipelineCommand {
        @Override
        List<Stage> stages() {
            throw Errors.stageNotAvailable("forecast");
        }
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true,
            description = "Distribution-center allocation (planned; not in this version).")
    static final class Allocate extends PipelineCommand {
        @Override
        List<Stage> stages() {
            throw Errors.stageNotAvailable("allocate");
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Quality gate: check the run date's tables and pipeline_runs, write quality_checks;"
                    + " fails when an error-level check fails.")
    static final class Check extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return List.of(Stages.check());
        }
    }
}
