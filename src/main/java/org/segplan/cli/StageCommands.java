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
            description = "Run every stage this version has, in order (ingest, features, segment, classify, forecast, allocate, check).")
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
            org.segplan.mapping.InputFormat inputFormat = java.util.Arrays.stream(org.segplan.mapping.InputFormat.values())
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
            description = "Forecast demand per segment x category (backtested model choice, intervals) and"
                    + " inventory targets.")
    static final class Forecast extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return List.of(Stages.forecast());
        }
    }

    @Command(name = "forecast-series", mixinStandardHelpOptions = true,
            description = "Forecast any long-format table (series_id, period, value, optional 0/1 columns) with the"
                    + " same engine; writes series_forecast, series_forecast_accuracy, series_forecast_backtest.")
    static final class ForecastSeries extends PipelineCommand {
        @picocli.CommandLine.Option(names = "--input", required = true, paramLabel = "PATH",
                description = "The series table: a file or folder, local or s3a://")
        String input;

        @picocli.CommandLine.Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
                description = "csv, parquet, delta or json (default: csv)")
        String format;

        @Override
        List<Stage> stages() {
            org.segplan.mapping.InputFormat parsed = java.util.Arrays.stream(org.segplan.mapping.InputFormat.values())
                    .filter(candidate -> candidate.sparkName().equalsIgnoreCase(format.trim())).findFirst()
                    .orElseThrow(() -> Errors.invalidArgument("--format", format, "it is not a supported format",
                            "use csv, parquet, delta or json"));
            return List.of(Stages.forecastSeries(input, parsed));
        }
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true,
            description = "Allocate forecast demand to distribution centers (OR-Tools LP/MIP); write dc_allocation, "
                    + "dc_utilization, allocation_summary, supply_risk and demand_zones.")
    static final class Allocate extends PipelineCommand {
        @Override
        List<Stage> stages() {
            return List.of(Stages.allocate());
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
