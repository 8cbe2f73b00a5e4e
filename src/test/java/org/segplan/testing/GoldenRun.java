package org.segplan.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.OutputColumns;
import org.segplan.generate.GeneratorSettings;
import org.segplan.generate.OutputFormat;
import org.segplan.generate.SyntheticDataGenerator;
import org.segplan.io.GeneratedDataWriter;
import org.segplan.io.Lakehouse;
import org.segplan.pipeline.PipelineRunner;
import org.segplan.pipeline.RunContext;
import org.segplan.pipeline.Stages;

/**
 * The one whole-pipeline run of the Java suite, on real Delta tables, shared by every test that needs a run:
 * {@code conf/local.conf} (the demo's rule sets and service policies) on generated CSV exports of 700 customers (five planted segments, 1% dirty rows), every stage of {@code segplan run}
 * for 2025-12-31, the tables snapshotted, the same run date run again, then next month's export (the same
 * customers with one more month of order lines) through every stage again. Built once per test JVM,
 * on first use or, when the test plan holds a class marked {@link ReadsGoldenRun}, in the background from the start
 * (see {@link GoldenRunStarter}).
 */
public final class GoldenRun {
    public static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    public static final LocalDate NEXT_RUN_DATE = LocalDate.of(2026, 1, 31);
    public static final int CUSTOMERS = 700;
    private static CompletableFuture<GoldenRun> instance;

    private final Path folder;
    private final Lakehouse lakehouse;
    private final String firstSummary;
    private final String nextSummary;
    private final Map<String, List<Row>> firstRun;
    private final Map<String, List<Row>> secondRun;

    private GoldenRun(Path folder) {
        this.folder = folder;
        SegplanConfig config = config("inputs");
        RunContext first = TestRuns.context(config, RUN_DATE);
        lakehouse = (Lakehouse) first.tables();
        firstSummary = run(first, Stages.all());
        firstRun = snapshot();
        run(TestRuns.context(config, RUN_DATE), Stages.all());
        secondRun = snapshot();
        nextSummary = run(TestRuns.context(config("inputs-next"), NEXT_RUN_DATE), Stages.all());
    }

    /** The run: waits for it when it was started in the background, makes it on first use otherwise. */
    public static GoldenRun get() {
        return startInBackground().join();
    }

    /** Starts the run on its own thread, once; the test classes that read it wait in {@link #get()}. */
    static synchronized CompletableFuture<GoldenRun> startInBackground() {
        if (instance == null) {
            instance = CompletableFuture.supplyAsync(GoldenRun::make, runnable -> {
                Thread thread = new Thread(runnable, "segplan-golden-run");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return instance;
    }

    private static GoldenRun make() {
        try {
            Path folder = Files.createTempDirectory("segplan-golden-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            generate(folder.resolve("inputs"), RUN_DATE);
            generate(folder.resolve("inputs-next"), NEXT_RUN_DATE);
            return new GoldenRun(folder);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    public Lakehouse lakehouse() {
        return lakehouse;
    }

    /** The generated exports of a run: "inputs" (2025-12-31) or "inputs-next" (2026-01-31). */
    public Path inputs(String name) {
        return folder.resolve(name);
    }

    /** What the first run printed (its summary table and notes). */
    public String firstSummary() {
        return firstSummary;
    }

    public String nextSummary() {
        return nextSummary;
    }

    /** Every table of the first run for 2025-12-31, rows sorted; the ledger without its timing columns. */
    public Map<String, List<Row>> firstRun() {
        return firstRun;
    }

    /** The same after the second run for the same date. */
    public Map<String, List<Row>> secondRun() {
        return secondRun;
    }

    /** conf/local.conf (its rule sets and policies too) on the generated exports, into the run's lakehouse. */
    private SegplanConfig config(String inputs) {
        Path folderOfInputs = folder.resolve(inputs);
        return TestRuns.config(Path.of("conf", "local.conf"), folderOfInputs, folder.resolve("lakehouse"),
                "segplan.inputs.transactions.path=" + folderOfInputs.resolve("transactions.csv.gz").toAbsolutePath(),
                "segplan.segmentation.k-max=6");
    }

    private static void generate(Path inputs, LocalDate runDate) {
        new GeneratedDataWriter().write(SyntheticDataGenerator.generate(SharedSpark.get(),
                new GeneratorSettings(CUSTOMERS, 42, LocalDate.of(2024, 1, 1), runDate, 0.01)),
                inputs.toString(), OutputFormat.CSV);
    }

    private static String run(RunContext context, List<org.segplan.pipeline.Stage> stages) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new PipelineRunner(context, new PrintStream(printed, true, StandardCharsets.UTF_8)).run(stages);
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Every table the specs say a run writes (and the ledger), as sorted rows of the first run date. */
    private Map<String, List<Row>> snapshot() {
        Map<String, List<Row>> tables = new TreeMap<>();
        Stream.concat(Stages.specs().stream().flatMap(spec -> spec.writtenTables().stream()),
                Stream.of(org.segplan.contract.PipelineRunsTable.NAME)).distinct()
                .filter(lakehouse::exists)
                .forEach(table -> {
                    Dataset<Row> rows = lakehouse.readRunDate(table, RUN_DATE);
                    if (table.equals(org.segplan.contract.PipelineRunsTable.NAME)) {
                        rows = rows.drop(org.segplan.contract.PipelineRunsTable.STARTED_AT,
                                org.segplan.contract.PipelineRunsTable.DURATION_SECONDS);
                    }
                    // Sorted on the driver by the rows' text: some tables hold maps, which Spark cannot order by.
                    tables.put(table, rows.collectAsList().stream().sorted(Comparator.comparing(Row::toString))
                            .toList());
                });
        return tables;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder: the operating system cleans it up if this fails.
        }
    }
}
