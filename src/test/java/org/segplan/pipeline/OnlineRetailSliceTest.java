package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.ConfigLoader;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DemandSplitTable;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.io.TableStore;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.TestRuns;

/**
 * Ingest, features and segment on the first lines of the real UCI Online Retail file, mapped by
 * conf/online-retail.conf. Every line is accounted for, and the counts per reason are computed here
 * independently, by plain Java parsing of the same lines.
 */
class OnlineRetailSliceTest {
    private static final int SLICE_LINES = 12_000;
    private static final LocalDate RUN_DATE = LocalDate.of(2011, 12, 9);
    private static final Path SOURCE = Path.of("..", "shared", "datasets", "online_retail",
            "online_retail_2010_2011.csv.gz");
    private static final Set<String> NON_PRODUCT_CODES = Set.of("POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES",
            "AMAZONFEE", "CRUK");

    @TempDir
    static Path folder;
    static List<List<String>> lines;
    static TableStore lakehouse;
    static String printed;

    @BeforeAll
    static void runOnASlice() throws IOException {
        assertTrue(Files.isReadable(SOURCE), "the shared dataset must be at " + SOURCE.toAbsolutePath());
        Path slice = folder.resolve("online_retail_slice.csv");
        lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SOURCE)), StandardCharsets.UTF_8));
                BufferedWriter writer = Files.newBufferedWriter(slice, StandardCharsets.UTF_8)) {
            writer.write(reader.readLine());
            writer.newLine();
            for (int index = 0; index < SLICE_LINES; index++) {
                String line = reader.readLine();
                writer.write(line);
                writer.newLine();
                lines.add(csvCells(line));
            }
        }
        String path = slice.toAbsolutePath().toString();
        SegplanConfig config = ConfigLoader.load(Optional.of(Path.of("conf", "online-retail.conf")), List.of(
                "segplan.lakehouse.root=" + folder.resolve("lakehouse").toAbsolutePath(),
                "segplan.inputs.transactions.path=" + path,
                "segplan.inputs.customers.path=" + path,
                "segplan.inputs.products.path=" + path,
                "segplan.inputs.calendar.path=" + folder.resolve("no-calendar.csv").toAbsolutePath(),
                "segplan.spark.shuffle-partitions=2",
                "segplan.segmentation.k-max=5"));
        // The subject is the run's logic, not storage: tables in memory, the saved model under the folder.
        RunContext context = TestRuns.inMemoryContext(config, RUN_DATE,
                new InMemoryTables(SharedSpark.get(), folder.resolve("store")));
        lakehouse = context.tables();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PipelineRunner(context, new PrintStream(out, true))
                .run(List.of(Stages.ingest(), Stages.features(), Stages.segment()));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    /** A CSV line split into cells, honouring double quotes (descriptions may hold commas). */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < line.length(); index++) {
            char character = line.charAt(index);
            if (quoted && character == '"' && index + 1 < line.length() && line.charAt(index + 1) == '"') {
                cell.append('"');
                index++;
            } else if (character == '"') {
                quoted = !quoted;
            } else if (character == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(character);
            }
        }
        cells.add(cell.toString());
        assertEquals(8, cells.size(), line);
        return cells;
    }

    private static boolean nonProduct(String stockCode) {
        return NON_PRODUCT_CODES.contains(stockCode.trim().toUpperCase(Locale.ROOT))
                || stockCode.toLowerCase(Locale.ROOT).startsWith("gift_0001_");
    }

    private static String customerKey(String customerId) {
        return customerId.replaceAll("\\.0*$", "");
    }

    /** The reason each line should get, with the filters and checks in the order the pipeline applies them. */
    private static Map<String, Long> expectedTransactionReasons() {
        Map<String, Long> reasons = new TreeMap<>();
        Set<List<String>> seen = new HashSet<>();
        for (List<String> cells : lines) {
            String invoice = cells.get(0);
            String reason = null;
            if (nonProduct(cells.get(1))) {
                reason = "NON_PRODUCT_CODE";
            } else if (invoice.startsWith("A")) {
                reason = "BAD_DEBT_ADJUSTMENT";
            } else if (cells.get(3).trim().startsWith("-") && !invoice.startsWith("C")) {
                reason = "STOCK_ADJUSTMENT";
            } else if (Double.parseDouble(cells.get(3)) == 0 || Double.parseDouble(cells.get(5)) <= 0) {
                reason = "NON_POSITIVE_VALUE";
            } else if (!seen.add(cells)) {
                // An exact repeat of an accepted line gets the same derived line number.
                reason = "DUPLICATE_KEY";
            }
            if (reason != null) {
                reasons.merge(reason, 1L, Long::sum);
            }
        }
        return reasons;
    }

    private static Map<String, Long> quarantined(String table) {
        Map<String, Long> counts = new TreeMap<>();
        lakehouse.readRunDate(QuarantineTable.NAME, RUN_DATE).where(col(QuarantineTable.SOURCE_TABLE).equalTo(table))
                .groupBy(QuarantineTable.REASON_CODE).count().collectAsList()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    private static Row ledger(String stage, String table) {
        return lakehouse.readRunDate(PipelineRunsTable.NAME, RUN_DATE)
                .where(col(PipelineRunsTable.STAGE).equalTo(stage).and(col(PipelineRunsTable.TABLE_NAME).equalTo(table)))
                .head();
    }

    @Test
    void everyOrderLineIsAcceptedOrQuarantinedWithItsReason() {
        Map<String, Long> expected = expectedTransactionReasons();
        assertEquals(expected, quarantined(TransactionsTable.NAME));
        long quarantined = expected.values().stream().mapToLong(Long::longValue).sum();
        long accepted = lakehouse.countRunDate(ValidatedTables.of(TransactionsTable.NAME), RUN_DATE);
        assertEquals(SLICE_LINES - quarantined, accepted);
        Row row = ledger("ingest", TransactionsTable.NAME);
        assertEquals((long) SLICE_LINES, row.<Long>getAs(PipelineRunsTable.ROWS_IN));
        assertEquals(accepted, row.<Long>getAs(PipelineRunsTable.ROWS_ACCEPTED));
        assertEquals(quarantined, row.<Long>getAs(PipelineRunsTable.ROWS_QUARANTINED));
        assertTrue(expected.containsKey("NON_PRODUCT_CODE") && expected.containsKey("DUPLICATE_KEY"), expected.toString());
    }

    @Test
    void cancellationsBecomeReturnLinesAndAnonymousLinesAreKeptAsDemand() {
        long returns = 0;
        long anonymous = 0;
        Set<List<String>> seen = new HashSet<>();
        for (List<String> cells : lines) {
            boolean accepted = !nonProduct(cells.get(1)) && !cells.get(0).startsWith("A")
                    && !(cells.get(3).startsWith("-") && !cells.get(0).startsWith("C"))
                    && Double.parseDouble(cells.get(3)) != 0 && Double.parseDouble(cells.get(5)) > 0 && seen.add(cells);
            if (accepted && cells.get(0).startsWith("C")) {
                returns++;
            }
            if (accepted && cells.get(6).isEmpty()) {
                anonymous++;
            }
        }
        var validated = lakehouse.readRunDate(ValidatedTables.of(TransactionsTable.NAME), RUN_DATE);
        assertEquals(returns, validated.where(col(TransactionsTable.IS_RETURN)).count());
        assertEquals(0, validated.where(col(TransactionsTable.QUANTITY).leq(0)).count());
        assertEquals(anonymous, validated.where(col(TransactionsTable.CUSTOMER_ID).isNull()).count());
        assertTrue(anonymous > 0 && returns > 0, anonymous + " anonymous, " + returns + " returns");
        Row withoutCustomer = lakehouse.readRunDate(DemandSplitTable.NAME, RUN_DATE)
                .where(col(DemandSplitTable.HAS_CUSTOMER).equalTo(false)).head();
        assertEquals(anonymous, withoutCustomer.<Long>getAs(DemandSplitTable.LINES));
        assertTrue(printed.contains("transactions demand split: with customer"), printed);
    }

    @Test
    void customersAndProductsAreDerivedFromTheSameLines() {
        Set<String> customers = new HashSet<>();
        Set<String> products = new HashSet<>();
        long nonProducts = 0;
        boolean anyAnonymous = false;
        for (List<String> cells : lines) {
            if (cells.get(6).isEmpty()) {
                anyAnonymous = true;
            } else {
                customers.add(customerKey(cells.get(6)));
            }
            if (products.add(cells.get(1)) && nonProduct(cells.get(1))) {
                nonProducts++;
            }
        }
        var validatedCustomers = lakehouse.readRunDate(ValidatedTables.of(CustomersTable.NAME), RUN_DATE);
        assertEquals(customers.size(), validatedCustomers.count());
        assertEquals(0, validatedCustomers.where(col(CustomersTable.CUSTOMER_ID).contains(".")).count());
        // The lines without a CustomerID form one group, quarantined as MISSING_ID.
        assertEquals(anyAnonymous ? Map.of("MISSING_ID", 1L) : Map.of(), quarantined(CustomersTable.NAME));
        assertEquals(0, validatedCustomers.where(col(CustomersTable.REGION).equalTo("GB")
                .and(col(CustomersTable.LATITUDE).isNull())).count());
        assertEquals(products.size() - nonProducts, lakehouse.countRunDate(ValidatedTables.of("products"), RUN_DATE));
        assertEquals(Map.of("NON_PRODUCT_CODE", nonProducts), quarantined("products"));
    }

    @Test
    void featuresAndSegmentsCoverExactlyTheIdentifiedCustomers() {
        long customers = lakehouse.countRunDate(ValidatedTables.of(CustomersTable.NAME), RUN_DATE);
        var features = lakehouse.readRunDate(CustomerFeaturesTable.NAME, RUN_DATE);
        assertEquals(customers, features.count());
        assertEquals(0, features.where(col(CustomersTable.CUSTOMER_ID).isNull()).count());
        assertEquals(customers, lakehouse.countRunDate(CustomerSegmentsTable.NAME, RUN_DATE));
        long segments = lakehouse.readRunDate(CustomerSegmentsTable.NAME, RUN_DATE)
                .select(CustomerSegmentsTable.SEGMENT_ID).distinct().count();
        assertTrue(segments >= 2 && segments <= 5, segments + " segments");
    }
}
