package org.segplan.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.segplan.config.SegplanConfig;
import org.segplan.error.Errors;
import org.segplan.generate.GeneratedData;
import org.segplan.generate.GeneratorSettings;
import org.segplan.generate.OutputFormat;
import org.segplan.generate.SyntheticDataGenerator;
import org.segplan.io.GeneratedDataWriter;
import org.segplan.io.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a synthetic EV maker's inputs (and a separate ground truth) for demos, tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate sample inputs with planted customer segments (deterministic by seed).")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--customers", defaultValue = "4000", description = "Number of customers (default ${DEFAULT-VALUE})")
    long customers;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--start", defaultValue = "2024-01-01", description = "First order date (default ${DEFAULT-VALUE})")
    String start;

    @Option(names = "--end", defaultValue = "2025-12-31", description = "Last order date (default ${DEFAULT-VALUE})")
    String end;

    @Option(names = "--dirty-share", defaultValue = "0.002",
            description = "Share of extra bad rows planted for the quarantine (default ${DEFAULT-VALUE})")
    double dirtyShare;

    @Option(names = "--output", required = true, description = "Folder to write the tables to (local or s3a://)")
    String output;

    @Option(names = "--format", defaultValue = "csv", description = "csv (one file per table) or parquet")
    String format;

    @Override
    public Integer call() {
        SegplanConfig config = common.loadConfig();
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(customers, seed, LocalDate.parse(start), LocalDate.parse(end), dirtyShare);
        } catch (IllegalArgumentException | java.time.DateTimeException exception) {
            throw Errors.invalidArgument("generate", exception.getMessage(), "the generator settings are not valid",
                    "check --customers, --start, --end and --dirty-share");
        }
        OutputFormat outputFormat = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> OutputFormat.CSV;
            case "parquet" -> OutputFormat.PARQUET;
            default -> throw Errors.invalidArgument("--format", format, "it is not a supported output format",
                    "use csv or parquet");
        };
        SparkSession spark = SparkSessions.create(config.spark());
        ProgressListener.attach(spark, System.err);
        try {
            GeneratedData data = SyntheticDataGenerator.generate(spark, settings);
            new GeneratedDataWriter().write(data, output, outputFormat);
            System.out.printf("generated %d customers into %s (%s)%n", customers, output, format);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
