package org.segplan.cli;

import org.segplan.error.Failures;
import org.segplan.error.SegplanException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point, for spark-submit and bin/segplan alike. */
@Command(name = "segplan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Customer segmentation that drives supply planning, as Spark jobs.",
        subcommands = {
                GenerateCommand.class,
                StageCommands.Ingest.class,
                StageCommands.Features.class,
                StageCommands.Segment.class,
                StageCommands.Score.class,
                EvaluateCommand.class,
                StageCommands.Classify.class,
                StageCommands.Forecast.class,
                StageCommands.ForecastSeries.class,
                StageCommands.Allocate.class,
                StageCommands.Check.class,
                StageCommands.Run.class,
                StagesCommand.class
        })
public final class SegplanCli implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SegplanCli.class);
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs a command line and returns its exit code: every failure prints its one-paragraph message and ends with
     * its category's exit code; stack traces go to the log at debug level.
     */
    public static int execute(String... args) {
        return new CommandLine(new SegplanCli())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    SegplanException userError = Failures.explain(commandLine.getCommandName(), exception);
                    if (userError != exception) {
                        LOG.debug("segplan {} failed", commandLine.getCommandName(), exception);
                    }
                    commandLine.getErr().println("segplan: " + userError.getMessage());
                    return userError.category().exitCode();
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
