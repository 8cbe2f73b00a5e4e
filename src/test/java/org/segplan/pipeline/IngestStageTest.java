package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.Columns;
import org.segplan.contract.InputTables;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.SegplanException;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/**
 * Runs the ingest stage on the bad-input corpus and on broken datasets: reading, the ledger, what is written and
 * what is not, on in-memory tables. The checks themselves are tested in {@code quality.ValidationTest}; that a rerun
 * replaces its run date on Delta (and updates the ledger) in {@code PipelineEndToEndTest}, which runs every stage twice
 * on Delta.
 */
class IngestStageTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static final Path CORPUS = TestRuns.resource("bad-inputs/rows");

    @TempDir
    static Path lakehouseFolder;
    static SegplanConfig config;
    static InMemoryTables lakehouse;
    static String firstOutput;

    private static RunContext inMemory(SegplanConfig config, InMemoryTables tables) {
        return TestRuns.inMemoryContext(config, RUN_DATE, tables);
    }

    @BeforeAll
    static void ingestCorpus() {
        config = TestRuns.config(CORPUS, lakehouseFolder, "segplan.validation.max-quarantine-share=0.9");
        lakehouse = new InMemoryTables(SharedSpark.get(), lakehouseFolder);
        RunContext context = inMemory(config, lakehouse);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new PipelineRunner(context, new PrintStream(printed, true)).run(List.of(Stages.ingest()));
        firstOutput = printed.toString();
    }

    @Test
    void everyBadRowIsQuarantinedWithItsReasonAndCountsReconcileInTheLedger() throws IOException {
        Map<String, Long> expected = new TreeMap<>();
        Files.readAllLines(CORPUS.resolve("expected_quarantine.csv")).stream().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            expected.put(cells[0] + "," + cells[1], Long.parseLong(cells[2]));
        });
        Map<String, Long> written = new TreeMap<>();
        lakehouse.readRunDate(QuarantineTable.NAME, RUN_DATE)
                .groupBy(QuarantineTable.SOURCE_TABLE, QuarantineTable.REASON_CODE).count().collectAsList()
                .forEach(row -> written.put(row.getString(0) + "," + row.getString(1), row.getLong(2)));
        assertEquals(expected, written);
        List<Row> ledger = lakehouse.readRunDate(PipelineRunsTable.NAME, RUN_DATE)
                .where(col(PipelineRunsTable.STAGE).equalTo("ingest")).collectAsList();
        assertEquals(InputTables.ALL.size(), ledger.size());
        for (Row row : ledger) {
            String table = row.getAs(PipelineRunsTable.TABLE_NAME);
            long rowsIn = row.getAs(PipelineRunsTable.ROWS_IN);
            long accepted = row.getAs(PipelineRunsTable.ROWS_ACCEPTED);
            long quarantined = row.getAs(PipelineRunsTable.ROWS_QUARANTINED);
            long linesInFile = Files.readAllLines(CORPUS.resolve(table + ".csv")).size() - 1;
            assertEquals(linesInFile, rowsIn, table);
            assertEquals(rowsIn, accepted + quarantined, table);
            assertEquals(accepted, lakehouse.countRunDate(ValidatedTables.of(table), RUN_DATE), table);
            assertEquals(quarantined, lakehouse.readRunDate(QuarantineTable.NAME, RUN_DATE)
                    .where(col(QuarantineTable.SOURCE_TABLE).equalTo(table)).count(), table);
            assertEquals(PipelineRunsTable.SUCCEEDED, row.getAs(PipelineRunsTable.STATUS));
        }
    }

    @Test
    void acceptedRowsAreWrittenTyped() {
        Dataset<Row> customers = lakehouse.readRunDate(ValidatedTables.of("customers"), RUN_DATE);
        assertEquals(DataTypes.IntegerType, customers.schema().apply("birth_year").dataType());
        assertEquals(List.of("C1", "C10", "C2", "C3"), customers.select("customer_id").orderBy("customer_id").collectAsList()
                .stream().map(row -> row.getString(0)).toList());
        assertTrue(Arrays.asList(lakehouse.read(QuarantineTable.NAME).columns()).contains("raw_record"));
    }

    @Test
    void summaryReportsAbsentOptionalAndIgnoredColumnsAndTheReasons() {
        assertTrue(firstOutput.contains("customers lacks optional columns"), firstOutput);
        assertTrue(firstOutput.contains("loyalty_tier"), firstOutput);
        assertTrue(firstOutput.contains("customers columns outside the contract ignored: [loyalty_tier]"), firstOutput);
        assertTrue(firstOutput.contains("transactions quarantined by reason: {AFTER_RUN_DATE=1"), firstOutput);
        assertTrue(firstOutput.contains("Stages run: [ingest]"), firstOutput);
    }

    @Test
    void rerunForTheSameDateGivesTheSameTablesAndOtherDatesStay() {
        List<Row> quarantineBefore = lakehouse.readRunDate(QuarantineTable.NAME, RUN_DATE)
                .orderBy(QuarantineTable.RAW_RECORD).collectAsList();
        RunContext otherDate = TestRuns.inMemoryContext(config, RUN_DATE.minusDays(1), lakehouse);
        new PipelineRunner(otherDate, new PrintStream(new ByteArrayOutputStream())).run(List.of(Stages.ingest()));
        new PipelineRunner(inMemory(config, lakehouse), new PrintStream(new ByteArrayOutputStream()))
                .run(List.of(Stages.ingest()));
        assertEquals(quarantineBefore, lakehouse.readRunDate(QuarantineTable.NAME, RUN_DATE)
                .orderBy(QuarantineTable.RAW_RECORD).collectAsList());
        assertEquals(4, lakehouse.countRunDate(ValidatedTables.of("customers"), RUN_DATE));
        // One day earlier, the order dated the run date's eve stays but December 31st's rows would be future.
        assertTrue(lakehouse.countRunDate(QuarantineTable.NAME, RUN_DATE.minusDays(1)) > 0);
        assertEquals(2 * InputTables.ALL.size(), lakehouse.read(PipelineRunsTable.NAME).count(),
                "a rerun updates its ledger rows instead of adding more");
    }

    // File-level cases that read well: the same rows as the plain corpus.

    /** The ingest stage on the corpus with the given inputs replaced, into tables of its own; what it printed. */
    private static String ingestReplacing(InMemoryTables tables, String... overrides) {
        String[] settings = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "segplan.validation.max-quarantine-share=0.9"), Arrays.stream(overrides)).toArray(String[]::new);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new PipelineRunner(inMemory(TestRuns.config(CORPUS, lakehouseFolder, settings), tables),
                new PrintStream(printed, true)).run(List.of(Stages.ingest()));
        return printed.toString();
    }

    private static String resourcePath(String name) {
        return TestRuns.resource("bad-inputs/dataset/" + name).toAbsolutePath().toString();
    }

    /** The customers accepted and quarantined for the run date, the run id aside (it hashes the configuration). */
    private static List<Row> customerOutcomes(InMemoryTables tables) {
        List<Row> rows = new java.util.ArrayList<>(tables.readRunDate(ValidatedTables.of("customers"), RUN_DATE)
                .drop(Columns.RUN_ID).orderBy("customer_id").collectAsList());
        rows.addAll(tables.readRunDate(QuarantineTable.NAME, RUN_DATE)
                .where(col(QuarantineTable.SOURCE_TABLE).equalTo("customers"))
                .select(QuarantineTable.RAW_RECORD, QuarantineTable.REASON_CODE, QuarantineTable.REASON_DETAIL)
                .orderBy(QuarantineTable.RAW_RECORD).collectAsList());
        return rows;
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndingsReadAsThePlainFile(@TempDir Path lake) {
        InMemoryTables tables = new InMemoryTables(SharedSpark.get(), lake);
        ingestReplacing(tables, "segplan.inputs.customers.path=" + resourcePath("bom-crlf/customers.csv"));
        List<Row> outcomes = customerOutcomes(tables);
        assertEquals(customerOutcomes(lakehouse), outcomes);
        assertTrue(outcomes.size() > 4, "accepted and quarantined customers compared: " + outcomes);
    }

    @Test
    void columnsNamedLikeSparksRenamedDuplicatesAreNotTakenForDuplicates(@TempDir Path lake) {
        InMemoryTables tables = new InMemoryTables(SharedSpark.get(), lake);
        String printed = ingestReplacing(tables,
                "segplan.inputs.customers.path=" + resourcePath("numbered-columns/customers.csv"));
        assertTrue(printed.contains("customers columns outside the contract ignored: [loyalty_tier, q11, q12]"), printed);
        assertEquals(3, tables.countRunDate(ValidatedTables.of("customers"), RUN_DATE));
    }

    // Dataset-level errors: the run fails before anything is written.

    private static SegplanException failingIngest(SegplanConfig brokenConfig, Path folder) {
        InMemoryTables tables = new InMemoryTables(SharedSpark.get(), folder);
        RunContext context = inMemory(brokenConfig, tables);
        SegplanException failure = assertThrows(SegplanException.class,
                () -> new PipelineRunner(context, new PrintStream(new ByteArrayOutputStream())).run(List.of(Stages.ingest())));
        assertEquals(List.of(PipelineRunsTable.NAME), tables.names(), "nothing but the ledger may be written");
        Row ledger = context.tables().read(PipelineRunsTable.NAME).head();
        assertEquals(PipelineRunsTable.FAILED, ledger.getAs(PipelineRunsTable.STATUS));
        assertTrue(ledger.<String>getAs(PipelineRunsTable.MESSAGE).contains(failure.code()));
        return failure;
    }

    @Test
    void missingInputFailsTheRun(@TempDir Path lake) {
        SegplanConfig broken = TestRuns.config(CORPUS, lake, "segplan.inputs.products.path=/nonexistent/products.csv");
        SegplanException failure = failingIngest(broken, lake);
        assertEquals("MISSING_INPUT", failure.code());
        assertTrue(failure.getMessage().contains("segplan.inputs.products.path"));
    }

    @Test
    void missingRequiredColumnsFailTheRunAndListWhatIsThere(@TempDir Path lake) {
        SegplanConfig broken = TestRuns.config(CORPUS, lake, "segplan.inputs.transactions.path="
                + TestRuns.resource("bad-inputs/dataset/missing-columns/transactions.csv").toAbsolutePath());
        SegplanException failure = failingIngest(broken, lake);
        assertEquals("MISSING_COLUMNS", failure.code());
        assertTrue(failure.getMessage().contains("[quantity]"), failure.getMessage());
        assertTrue(failure.getMessage().contains("unit_price"), failure.getMessage());
    }

    @Test
    void aSemicolonSeparatedExportReadAsCommaSeparatedSaysWhichOptionSetsTheDelimiter(@TempDir Path lake)
            throws IOException {
        Path semicolons = lake.resolve("transactions.csv");
        Files.writeString(semicolons, Files.readString(CORPUS.resolve("transactions.csv")).replace(',', ';'));
        SegplanConfig broken = TestRuns.config(CORPUS, lake.resolve("lake"),
                "segplan.inputs.transactions.path=" + semicolons);
        SegplanException failure = failingIngest(broken, lake.resolve("lake"));
        assertEquals("MISSING_COLUMNS", failure.code());
        assertTrue(failure.getMessage().contains("segplan.inputs.transactions.options.sep = \";\""),
                failure.getMessage());
    }

    @Test
    void emptyInputFailsTheRun(@TempDir Path lake) {
        SegplanConfig broken = TestRuns.config(CORPUS, lake, "segplan.inputs.customers.path="
                + TestRuns.resource("bad-inputs/dataset/empty-input/customers.csv").toAbsolutePath());
        assertEquals("EMPTY_INPUT", failingIngest(broken, lake).code());
    }

    @Test
    void aHeaderOnlyFileAndAZeroByteFileAreEmptyInputs(@TempDir Path lake) {
        SegplanConfig headerOnly = TestRuns.config(CORPUS, lake.resolve("header-only"),
                "segplan.inputs.transactions.path=" + resourcePath("header-only/transactions.csv"));
        assertEquals("EMPTY_INPUT", failingIngest(headerOnly, lake.resolve("header-only")).code());
        SegplanConfig zeroBytes = TestRuns.config(CORPUS, lake.resolve("zero-bytes"),
                "segplan.inputs.customers.path=" + resourcePath("zero-bytes/customers.csv"));
        SegplanException failure = failingIngest(zeroBytes, lake.resolve("zero-bytes"));
        assertEquals("EMPTY_INPUT", failure.code());
        assertTrue(failure.getMessage().contains("customers.csv"), failure.getMessage());
    }

    @Test
    void aHeaderNamingAColumnTwiceFailsTheRunNamingIt(@TempDir Path lake) {
        SegplanConfig broken = TestRuns.config(CORPUS, lake,
                "segplan.inputs.customers.path=" + resourcePath("duplicated-column/customers.csv"));
        SegplanException failure = failingIngest(broken, lake);
        assertEquals("DUPLICATED_COLUMNS", failure.code());
        assertEquals(3, failure.category().exitCode());
        assertTrue(failure.getMessage().contains("names [income] more than once"), failure.getMessage());
    }

    @Test
    void wrongColumnTypeInATypedSourceFailsTheRun(@TempDir Path lake) {
        SparkSession spark = SharedSpark.get();
        Path parquet = lake.resolve("products-parquet");
        StructType schema = new StructType().add("product_id", DataTypes.StringType).add("category", DataTypes.StringType)
                .add("unit_cost", DataTypes.BooleanType);
        spark.createDataFrame(List.of(RowFactory.create("P1", "vehicle", true)), schema).write().parquet(parquet.toString());
        SegplanConfig broken = TestRuns.config(CORPUS, lake.resolve("lake"),
                "segplan.inputs.products.path=" + parquet, "segplan.inputs.products.format=parquet");
        SegplanException failure = failingIngest(broken, lake.resolve("lake"));
        assertEquals("WRONG_COLUMN_TYPE", failure.code());
        assertTrue(failure.getMessage().contains("unit_cost"));
    }

    @Test
    void aCutOffCompressedFileIsAnInputErrorNamingTheFileAndARecordedFailure(@TempDir Path lake) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(Files.readAllBytes(CORPUS.resolve("transactions.csv")));
        }
        byte[] whole = compressed.toByteArray();
        Path cutOff = lake.resolve("transactions.csv.gz");
        Files.write(cutOff, Arrays.copyOf(whole, whole.length * 2 / 3));
        SegplanConfig broken = TestRuns.config(CORPUS, lake.resolve("lake"),
                "segplan.inputs.transactions.path=" + cutOff);
        SegplanException failure = failingIngest(broken, lake.resolve("lake"));
        assertEquals("UNREADABLE_INPUT", failure.code());
        assertEquals(3, failure.category().exitCode());
        assertTrue(failure.getMessage().contains("transactions.csv.gz"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Unexpected end of input stream"), failure.getMessage());
        assertFalse(failure.getMessage().contains("\tat "), "no stack trace in the message: " + failure.getMessage());
    }

    @Test
    void aParquetFileThatIsNotParquetIsAnInputError(@TempDir Path lake) throws IOException {
        Path notParquet = lake.resolve("products.parquet");
        Files.copy(CORPUS.resolve("products.csv"), notParquet);
        SegplanConfig broken = TestRuns.config(CORPUS, lake.resolve("lake"),
                "segplan.inputs.products.path=" + notParquet, "segplan.inputs.products.format=parquet");
        SegplanException failure = failingIngest(broken, lake.resolve("lake"));
        assertEquals("UNREADABLE_INPUT", failure.code());
        assertTrue(failure.getMessage().contains("products.parquet"), failure.getMessage());
    }

    @Test
    void tooManyBadRowsFailTheRunBeforeWriting(@TempDir Path lake) {
        SegplanConfig strict = TestRuns.config(CORPUS, lake, "segplan.validation.max-quarantine-share=0.2");
        SegplanException failure = failingIngest(strict, lake);
        assertEquals("QUARANTINE_SHARE_EXCEEDED", failure.code());
        assertTrue(failure.getMessage().contains("OUT_OF_RANGE=1"), failure.getMessage());
    }

    @Test
    void typedParquetInputsAreReadAndAMissingOptionalCalendarIsANote(@TempDir Path lake) {
        SparkSession spark = SharedSpark.get();
        Path parquet = lake.resolve("dc-parquet");
        StructType schema = new StructType().add("dc_id", DataTypes.StringType).add("latitude", DataTypes.DoubleType)
                .add("longitude", DataTypes.DoubleType).add("weekly_capacity_units", DataTypes.LongType);
        spark.createDataFrame(List.of(RowFactory.create("DC9", 45.0, 4.0, 100L), RowFactory.create("DC8", 45.0, 4.0, -1L)),
                schema).write().parquet(parquet.toString());
        SegplanConfig typed = TestRuns.config(CORPUS, lake.resolve("lake"), "segplan.validation.max-quarantine-share=0.9",
                "segplan.inputs.distribution-centers.path=" + parquet, "segplan.inputs.distribution-centers.format=parquet",
                "segplan.inputs.calendar.path=/nonexistent/calendar.csv");
        InMemoryTables tables = new InMemoryTables(spark, lake);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RunContext context = inMemory(typed, tables);
        new PipelineRunner(context, new PrintStream(printed, true)).run(List.of(Stages.ingest()));
        assertEquals(List.of("DC9"), tables.readRunDate(ValidatedTables.of("distribution_centers"), RUN_DATE)
                .select("dc_id").collectAsList().stream().map(row -> row.getString(0)).collect(Collectors.toList()));
        assertEquals(100.0, tables.readRunDate(ValidatedTables.of("distribution_centers"), RUN_DATE)
                .head().<Double>getAs("weekly_capacity_units"));
        assertTrue(Arrays.asList(tables.read(QuarantineTable.NAME).columns()).contains("raw_record"));
        assertTrue(printed.toString().contains("calendar absent"), printed.toString());
        assertFalse(tables.exists(ValidatedTables.of("calendar")));
        assertEquals(List.of(), tables.readRunDate(PipelineRunsTable.NAME, RUN_DATE)
                .where(col(PipelineRunsTable.TABLE_NAME).equalTo("calendar")).collectAsList(), "no ledger row for it");
    }

    @Test
    void jsonAndDeltaInputsAreReadToo(@TempDir Path lake) throws IOException {
        SparkSession spark = SharedSpark.get();
        Path json = lake.resolve("centers.json");
        Files.writeString(json, "{\"dc_id\": \"DC1\", \"latitude\": 45.8, \"longitude\": 4.85, \"weekly_capacity_units\": 500}\n"
                + "{\"dc_id\": \"DC2\", \"latitude\": \"north\", \"longitude\": 4.85, \"weekly_capacity_units\": 500}\n");
        Path delta = lake.resolve("calendar-delta");
        spark.read().option("header", "true").csv(CORPUS.resolve("calendar.csv").toString())
                .write().format("delta").save(delta.toString());
        SegplanConfig mixed = TestRuns.config(CORPUS, lake.resolve("lake"), "segplan.validation.max-quarantine-share=0.9",
                "segplan.inputs.distribution-centers.path=" + json, "segplan.inputs.distribution-centers.format=json",
                "segplan.inputs.calendar.path=" + delta, "segplan.inputs.calendar.format=delta");
        InMemoryTables tables = new InMemoryTables(spark, lake);
        new PipelineRunner(inMemory(mixed, tables), new PrintStream(new ByteArrayOutputStream())).run(List.of(Stages.ingest()));
        assertEquals(1, tables.countRunDate(ValidatedTables.of("distribution_centers"), RUN_DATE));
        assertEquals(2, tables.countRunDate(ValidatedTables.of("calendar"), RUN_DATE));
        assertEquals(List.of("UNPARSEABLE_NUMBER"), tables.readRunDate(QuarantineTable.NAME, RUN_DATE)
                .where(col(QuarantineTable.SOURCE_TABLE).equalTo("distribution_centers"))
                .select(QuarantineTable.REASON_CODE).collectAsList().stream().map(row -> row.getString(0)).toList());
    }
}
