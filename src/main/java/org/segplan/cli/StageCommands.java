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
            description = "Run every stage this version has, in order (ingest, features, segment, classify).")
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

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Assign customers to the existing segments of a saved segmentation model, without "
                    + "refitting; write customer_segment_scores.")
    static final class Score extends PipelineCommand {
        @picocli.CommandLine.Option(names = "--model-run-date", paramLabel = "yyyy-MM-dd",
                description = "Run date of the model to use (default: the latest saved on or before the run date)")
        String modelRunDate;

        @picocli.CommandLine.Option(names = "--features-path", paramLabel = "PATH",
                description = "An external table of customer features (default: customer_features of the run date)")
        String featuresPath;

        @picocli.CommandLine.Option(names = "--format", defaultValue = "delta",
                description = "Format of --features-path: delta, parquet, csv or json (default ${DEFAULT-VALUE})")
        String format;

        @Override
        List<Stage> stages() {
            java.util.Optional<java.time.LocalDate> modelDate = java.util.Optional.empty();
            if (modelRunDate != null) {
                try {
                    modelDate = java.util.Optional.of(java.time.LocalDate.parse(modelRunDate));
                } catch (java.time.format.DateTimeParseException exception) {
                    throw Errors.invalidArgument("--model-run-date", modelRunDate, "it is not a date",
                            "write it as yyyy-MM-dd");
                }
            }
            org.segplan.config.InputFormat inputFormat = java.util.Arrays.stream(org.segplan.config.InputFormat.values())
                    .filter(candidate -> candidate.sparkName().equalsIgnoreCase(format)).findFirst()
                    .orElseThrow(() -> Errors.invalidArgument("--format", format, "it is not a supported format",
                            "use delta, parquet, csv or json"));
            return List.of(Stages.score(new org.segplan.pipeline.ScoreStage.Options(modelDate,
                    java.util.Optional.ofNullable(featuresPath), inputFormat)));
        }
    }

    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = "Domain rule segments, ABC/XYZ of customers and products, and one service policy per segment.")
    static final class Classify extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return List.of(Stages.classify());
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
}
