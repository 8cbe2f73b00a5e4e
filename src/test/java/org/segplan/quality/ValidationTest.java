package org.segplan.quality;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DemandSplitTable;
import org.segplan.contract.InputTables;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.TableContract;
import org.segplan.contract.TransactionsTable;
import org.segplan.error.SegplanException;
import org.segplan.io.InputReader;
import org.segplan.io.SourceTable;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/** The ingest checks as one call, on the bad-input corpus and on small named frames; no tables are written. */
class ValidationTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static final Path CORPUS = TestRuns.resource("bad-inputs/rows");
    private static final ValidationRules LENIENT = new ValidationRules(0.9, ParseFormats.iso(), AnonymousLines.QUARANTINE);

    @TempDir
    static Path folder;
    static Map<String, SourceRows> corpus;
    static ValidationResult result;

    /** The corpus as the stage would give it: read by the input reader, rows in counted on the files. */
    @BeforeAll
    static void checkCorpus() {
        SegplanConfig config = TestRuns.config(CORPUS, folder);
        InputReader reader = new InputReader(SharedSpark.get());
        corpus = new LinkedHashMap<>();
        for (TableContract contract : InputTables.ALL) {
            SourceTable table = reader.read(config.input(contract.name()), contract).orElseThrow();
            corpus.put(contract.name(), new SourceRows(table.text(), table.filtered(),
                    reader.countSourceRows(config.input(contract.name()))));
        }
        result = Validation.check(corpus, LENIENT, RUN_DATE);
    }

    @AfterAll
    static void release() {
        result.close();
    }

    private static Map<String, Long> quarantineCounts() {
        Map<String, Long> counts = new TreeMap<>();
        result.quarantine().groupBy(QuarantineTable.SOURCE_TABLE, QuarantineTable.REASON_CODE).count().collectAsList()
                .forEach(row -> counts.put(row.getString(0) + "," + row.getString(1), row.getLong(2)));
        return counts;
    }

    @Test
    void everyBadRowIsQuarantinedWithItsExpectedReason() throws IOException {
        Map<String, Long> expected = new TreeMap<>();
        Files.readAllLines(CORPUS.resolve("expected_quarantine.csv")).stream().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            expected.put(cells[0] + "," + cells[1], Long.parseLong(cells[2]));
        });
        assertEquals(expected, quarantineCounts());
    }

    @Test
    void theCorpusCoversEveryReasonCode() {
        List<String> seen = quarantineCounts().keySet().stream().map(key -> key.split(",")[1]).distinct().toList();
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(seen.contains(code.name()), "corpus lacks " + code);
        }
    }

    @Test
    void countsReconcileForEveryInputAndMatchTheFrames() throws IOException {
        assertEquals(InputTables.ALL.stream().map(TableContract::name).toList(), List.copyOf(result.counts().keySet()));
        Map<String, Long> quarantined = new TreeMap<>();
        result.quarantine().groupBy(QuarantineTable.SOURCE_TABLE).count().collectAsList()
                .forEach(row -> quarantined.put(row.getString(0), row.getLong(1)));
        for (Map.Entry<String, InputCounts> entry : result.counts().entrySet()) {
            String table = entry.getKey();
            InputCounts counts = entry.getValue();
            long linesInFile = Files.readAllLines(CORPUS.resolve(table + ".csv")).size() - 1;
            assertEquals(linesInFile, counts.rowsIn(), table);
            assertEquals(counts.rowsIn(), counts.accepted() + counts.quarantined(), table);
            assertEquals(counts.accepted(), result.validated().get(table).count(), table);
            assertEquals(counts.quarantined(), quarantined.getOrDefault(table, 0L), table);
            assertEquals(counts.quarantined(), counts.reasons().values().stream().mapToLong(Long::longValue).sum(), table);
        }
        assertTrue(result.notes().contains("transactions quarantined by reason: "
                + result.counts().get(TransactionsTable.NAME).reasons()), result.notes().toString());
        assertTrue(result.demandSplit().isEmpty(), "anonymous lines are quarantined here");
    }

    @Test
    void acceptedRowsAreTypedAndQuarantinedRowsKeepTheirText() {
        Dataset<Row> customers = result.validated().get(CustomersTable.NAME);
        assertEquals(DataTypes.IntegerType, customers.schema().apply("birth_year").dataType());
        assertEquals(CustomersTable.CONTRACT.columnNames(), List.of(customers.columns()));
        assertEquals(List.of("C1", "C10", "C2", "C3"), customers.select("customer_id").orderBy("customer_id").collectAsList()
                .stream().map(row -> row.getString(0)).toList());
        assertEquals("urban", customers.where(col("customer_id").equalTo("C1")).head().getAs("city_type"));
        Row badPrice = result.quarantine().where(col(QuarantineTable.RAW_RECORD).contains("\"O11\"")).head();
        assertTrue(badPrice.<String>getAs(QuarantineTable.RAW_RECORD).contains("\"unit_price\":\"abc\""));
        assertTrue(badPrice.<String>getAs(QuarantineTable.REASON_DETAIL).contains("unit_price"));
    }

    private static String reasonFor(String sourceTable, String quotedKey) {
        List<Row> rows = result.quarantine().where(col(QuarantineTable.SOURCE_TABLE).equalTo(sourceTable)
                .and(col(QuarantineTable.RAW_RECORD).contains(quotedKey))).collectAsList();
        assertEquals(1, rows.size(), quotedKey);
        return rows.get(0).getAs(QuarantineTable.REASON_CODE);
    }

    @Test
    void numbersDatesAndOffsetsAreReadStrictly() {
        // A decimal comma, an infinity and a number beyond a double's range are not numbers; minus zero is zero.
        assertEquals("UNPARSEABLE_NUMBER", reasonFor(TransactionsTable.NAME, "\"O16\""));
        assertEquals("UNPARSEABLE_NUMBER", reasonFor(TransactionsTable.NAME, "\"O17\""));
        assertEquals("UNPARSEABLE_NUMBER", reasonFor(TransactionsTable.NAME, "\"O18\""));
        assertEquals("NON_POSITIVE_VALUE", reasonFor(TransactionsTable.NAME, "\"O19\""));
        assertEquals("UNPARSEABLE_DATE", reasonFor(ProductsTable.NAME, "\"P7\""));
        Row minusZeroIncome = result.validated().get(CustomersTable.NAME).where(col("customer_id").equalTo("C10")).head();
        assertEquals(0.0, minusZeroIncome.<Double>getAs(CustomersTable.INCOME), 0.0);
        // An order placed at 23:30 in UTC+2 is stored at 21:30 UTC, whatever the session's time zone.
        Row withOffset = result.validated().get(TransactionsTable.NAME).where(col("order_id").equalTo("O20")).head();
        assertEquals(Instant.parse("2025-06-01T21:30:00Z"),
                withOffset.<Timestamp>getAs(TransactionsTable.ORDER_TIMESTAMP).toInstant());
    }

    @Test
    void aLineWithMoreOrFewerFieldsThanTheHeaderIsQuarantinedAsTheLineItself() {
        Map<String, String> detailByLine = new TreeMap<>();
        result.quarantine().where(col(QuarantineTable.REASON_CODE).equalTo("MALFORMED_ROW")).collectAsList()
                .forEach(row -> detailByLine.put(row.getAs(QuarantineTable.RAW_RECORD),
                        row.getAs(QuarantineTable.REASON_DETAIL)));
        assertEquals(List.of("Deluxe\",accessory,growth,120,2024-01-01",
                        "O14,1,C2,P3,2025-06-01 09:00:00,1,55,dealer,card,2,false,EXTRA",
                        "O15,1,C2,P3,2025-06-01 09:00:00,1,55,dealer", "P6,\"Roof box"),
                List.copyOf(detailByLine.keySet()), "the raw record of a malformed row is its line");
        assertEquals("the line has more or fewer fields than the header",
                detailByLine.get("O15,1,C2,P3,2025-06-01 09:00:00,1,55,dealer"));
        // The two halves of a record with a quoted line break each hold one quote: the detail says what to set.
        assertTrue(detailByLine.get("P6,\"Roof box").contains("segplan.inputs.products.options.multiLine = true"),
                detailByLine.toString());
    }

    @Test
    void withMultiLineAQuotedLineBreakStaysInsideItsRecord(@TempDir Path other) {
        SegplanConfig multiLine = TestRuns.config(CORPUS, other, "segplan.inputs.products.options.multiLine=true");
        InputReader reader = new InputReader(SharedSpark.get());
        SourceTable products = reader.read(multiLine.input(ProductsTable.NAME), ProductsTable.CONTRACT).orElseThrow();
        assertEquals(7, reader.countSourceRows(multiLine.input(ProductsTable.NAME)), "seven records on eight lines");
        Row roofBox = products.text().where(col("product_id").equalTo("P6")).head();
        assertEquals("Roof box\nDeluxe", roofBox.getAs("product_name"));
        assertTrue(roofBox.isNullAt(roofBox.fieldIndex(CheckColumns.MALFORMED_LINE)), "not a malformed line");
    }

    @Test
    void tooManyBadRowsFailWithTheReasons() {
        SegplanException failure = assertThrows(SegplanException.class, () -> Validation.check(corpus,
                new ValidationRules(0.2, ParseFormats.iso(), AnonymousLines.QUARANTINE), RUN_DATE));
        assertEquals("QUARANTINE_SHARE_EXCEEDED", failure.code());
        assertTrue(failure.getMessage().contains("OUT_OF_RANGE=1"), failure.getMessage());
    }

    // Small named frames: every contract column as text.

    private static Dataset<Row> text(TableContract contract, List<Map<String, String>> rows) {
        SparkSession spark = SharedSpark.get();
        StructType schema = new StructType();
        for (String name : contract.columnNames()) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        List<Row> data = rows.stream()
                .map(cells -> RowFactory.create(contract.columnNames().stream().map(cells::get).toArray())).toList();
        return spark.createDataFrame(data, schema);
    }

    private static Map<String, String> line(String order, String customer, String quantity, String isReturn) {
        Map<String, String> cells = new TreeMap<>(Map.of(TransactionsTable.ORDER_ID, order,
                TransactionsTable.LINE_NUMBER, "1", TransactionsTable.PRODUCT_ID, "P1",
                TransactionsTable.ORDER_TIMESTAMP, "2025-06-01 10:00:00", TransactionsTable.QUANTITY, quantity,
                TransactionsTable.UNIT_PRICE, "10", TransactionsTable.IS_RETURN, isReturn));
        if (customer != null) {
            cells.put(TransactionsTable.CUSTOMER_ID, customer);
        }
        return cells;
    }

    /** One customer C1, one product P1, and four order lines: two of C1 (one a return), one anonymous, one of C9. */
    private static Map<String, SourceRows> shop() {
        Map<String, SourceRows> sources = new LinkedHashMap<>();
        sources.put(CustomersTable.NAME, new SourceRows(text(CustomersTable.CONTRACT, List.of(Map.of(
                CustomersTable.CUSTOMER_ID, "C1"))), Optional.empty(), 1));
        sources.put(ProductsTable.NAME, new SourceRows(text(ProductsTable.CONTRACT, List.of(Map.of(
                ProductsTable.PRODUCT_ID, "P1", ProductsTable.CATEGORY, "vehicle"))), Optional.empty(), 1));
        sources.put(TransactionsTable.NAME, new SourceRows(text(TransactionsTable.CONTRACT, List.of(
                line("O1", "C1", "3", "false"), line("O2", "C1", "1", "true"), line("O3", null, "2", "false"),
                line("O4", "C9", "5", "false"))), Optional.empty(), 4));
        return sources;
    }

    @Test
    void anonymousLinesKeptAreDemandAndSplitOff() {
        try (ValidationResult kept = Validation.check(shop(),
                new ValidationRules(0.5, ParseFormats.iso(), AnonymousLines.KEEP), RUN_DATE)) {
            assertEquals(List.of("O1", "O2", "O3"), kept.validated().get(TransactionsTable.NAME)
                    .orderBy(TransactionsTable.ORDER_ID).collectAsList().stream()
                    .map(row -> row.<String>getAs(TransactionsTable.ORDER_ID)).toList());
            assertEquals(Map.of("UNKNOWN_CUSTOMER", 1L), kept.counts().get(TransactionsTable.NAME).reasons());
            List<Row> split = kept.demandSplit().orElseThrow().collectAsList();
            assertEquals(2, split.size());
            assertEquals(true, split.get(0).getAs(DemandSplitTable.HAS_CUSTOMER));
            assertEquals(2L, split.get(0).<Long>getAs(DemandSplitTable.LINES));
            assertEquals(20.0, split.get(0).<Double>getAs(DemandSplitTable.NET_VALUE), 1e-9, "3 x 10 less a return of 10");
            assertEquals(20.0, split.get(1).<Double>getAs(DemandSplitTable.NET_VALUE), 1e-9);
            assertEquals(0.5, split.get(1).<Double>getAs(DemandSplitTable.VALUE_SHARE), 1e-9);
            assertTrue(kept.notes().get(0).startsWith("transactions demand split: with customer 2 lines"),
                    kept.notes().toString());
        }
        try (ValidationResult quarantined = Validation.check(shop(),
                new ValidationRules(0.5, ParseFormats.iso(), AnonymousLines.QUARANTINE), RUN_DATE)) {
            assertEquals(Map.of("MISSING_ID", 1L, "UNKNOWN_CUSTOMER", 1L),
                    quarantined.counts().get(TransactionsTable.NAME).reasons());
            assertFalse(quarantined.demandSplit().isPresent());
        }
    }

    @Test
    void aRowLostOrAddedBetweenSourceAndChecksFailsTheReconciliation() {
        Map<String, SourceRows> sources = shop();
        SourceRows products = sources.get(ProductsTable.NAME);
        sources.put(ProductsTable.NAME, new SourceRows(products.text(), products.filtered(), 2));
        SegplanException failure = assertThrows(SegplanException.class, () -> Validation.check(sources,
                new ValidationRules(0.5, ParseFormats.iso(), AnonymousLines.KEEP), RUN_DATE));
        assertEquals("RECONCILIATION_FAILED", failure.code());
        assertTrue(failure.getMessage().contains("'products'") && failure.getMessage().contains("2 in, 1 accepted"),
                failure.getMessage());
    }

    @Test
    void rowsAMappingFilteredCountAsQuarantined() {
        Map<String, SourceRows> sources = shop();
        Dataset<Row> filtered = SharedSpark.get().createDataFrame(List.of(RowFactory.create("NON_PRODUCT_CODE",
                "product_id = 'POST'", "{\"product_id\":\"POST\"}")), new StructType()
                .add(CheckColumns.REASON_CODE, DataTypes.StringType).add(CheckColumns.REASON_DETAIL, DataTypes.StringType)
                .add(CheckColumns.RAW_RECORD, DataTypes.StringType));
        SourceRows products = sources.get(ProductsTable.NAME);
        sources.put(ProductsTable.NAME, new SourceRows(products.text(), Optional.of(filtered), 2));
        try (ValidationResult checked = Validation.check(sources,
                new ValidationRules(0.5, ParseFormats.iso(), AnonymousLines.KEEP), RUN_DATE)) {
            InputCounts counts = checked.counts().get(ProductsTable.NAME);
            assertEquals(new InputCounts(2, 1, 1, Map.of("NON_PRODUCT_CODE", 1L)), counts);
            assertEquals(List.of("products,NON_PRODUCT_CODE,{\"product_id\":\"POST\"}"), checked.quarantine()
                    .where(col(QuarantineTable.SOURCE_TABLE).equalTo(ProductsTable.NAME)).collectAsList().stream()
                    .map(row -> row.getString(0) + "," + row.getString(1) + "," + row.getString(3)).toList());
        }
    }
}
