package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.io.TableStore;
import org.segplan.segment.AdjustedRandIndex;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.TestRuns;

/** A CRM profile export alone (attributes and spend totals, no order lines) is segmented; order-line stages skip. */
class CustomersOnlyRunTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private static final int PER_GROUP = 40;

    @TempDir
    static Path folder;
    static TableStore lakehouse;
    static String summary;

    /** A stage that needs order lines, as forecasting will. */
    static final class NeedsTransactions implements Stage {
        @Override
        public StageSpec spec() {
            return new StageSpec("needs-lines", "a test stage", java.util.List.of(), java.util.List.of(), true);
        }

        @Override
        public StageOutcome run(RunContext context, StageInputs inputs) {
            throw new AssertionError("the run has no transactions, the stage must skip");
        }
    }

    @BeforeAll
    static void runOnCustomersAlone() throws IOException {
        Path inputs = Files.createDirectories(folder.resolve("inputs"));
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,eco_consciousness,tech_affinity,price_sensitivity,total_spend,order_count,last_order_date");
        // Three planted groups: eco spenders, tech bargain hunters, price-sensitive rare buyers.
        double[][] groups = {{0.9, 0.2, 0.2, 4000}, {0.2, 0.9, 0.3, 800}, {0.3, 0.2, 0.9, 150}};
        for (int group = 0; group < groups.length; group++) {
            for (int index = 0; index < PER_GROUP; index++) {
                double jitter = ((index * 29 + group * 3) % 11 - 5) / 100.0;
                double[] centre = groups[group];
                int orders = 2 + index % 5;
                lines.add(String.format(Locale.ROOT, "g%d-%02d,%.3f,%.3f,%.3f,%.2f,%d,2025-%02d-15", group, index,
                        centre[0] + jitter, centre[1] - jitter, centre[2] + jitter, centre[3] * orders * (1 + jitter),
                        orders, 1 + index % 12));
            }
        }
        Files.write(inputs.resolve("customers.csv"), lines);
        SegplanConfig config = TestRuns.config(inputs, folder.resolve("lakehouse"),
                "segplan.inputs.transactions.path=null", "segplan.inputs.transactions.required=false",
                "segplan.inputs.products.path=null", "segplan.inputs.products.required=false",
                "segplan.inputs.distribution-centers.path=null", "segplan.inputs.distribution-centers.required=false",
                "segplan.inputs.calendar.path=null", "segplan.segmentation.k-max=5");
        // The subject is the run's logic, not storage: tables in memory, the saved model under the folder.
        RunContext context = TestRuns.inMemoryContext(config, RUN_DATE,
                new InMemoryTables(SharedSpark.get(), folder.resolve("store")));
        lakehouse = context.tables();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Stage> stages = new ArrayList<>(Stages.all());
        stages.add(new NeedsTransactions());
        new PipelineRunner(context, new PrintStream(printed, true)).run(stages);
        summary = printed.toString();
    }

    @Test
    void everyCustomerIsSegmentedFromAttributesAndCrmTotals() {
        Dataset<Row> segments = lakehouse.readRunDate(CustomerSegmentsTable.NAME, RUN_DATE);
        assertEquals(3 * PER_GROUP, segments.count());
        assertEquals(3 * PER_GROUP, segments.select(CustomerSegmentsTable.CUSTOMER_ID).distinct().count());
        Dataset<Row> features = lakehouse.readRunDate(CustomerFeaturesTable.NAME, RUN_DATE);
        Row first = features.where(col("customer_id").equalTo("g0-00")).head();
        assertEquals(2L, first.<Long>getAs(CustomerFeaturesTable.FREQUENCY), "frequency from order_count");
        assertEquals(first.<Double>getAs("total_spend"), first.<Double>getAs(CustomerFeaturesTable.MONETARY), 1e-9);
        assertEquals(350, first.<Integer>getAs(CustomerFeaturesTable.RECENCY_DAYS), "2025-01-15 to 2025-12-31");
        Dataset<Row> planted = features.select(col("customer_id"),
                org.apache.spark.sql.functions.substring(col("customer_id"), 2, 1).as("true_group"));
        double agreement = AdjustedRandIndex.of(segments.join(planted, "customer_id"), "true_group",
                CustomerSegmentsTable.SEGMENT_ID);
        assertTrue(agreement >= 0.9, "adjusted Rand index " + agreement);
    }

    @Test
    void ingestNotesTheMissingTransactionsAndTheOrderLineStageIsSkipped() {
        assertTrue(summary.contains("transactions not provided: features come from customer attributes only"), summary);
        assertTrue(summary.contains("no transactions for this run date: features from customer attributes only"), summary);
        assertTrue(summary.contains("Stages skipped: [forecast, allocate, needs-lines]"), summary);
        assertTrue(summary.matches("(?s).*needs-lines +\\* +SKIPPED.*"), summary);
        Row ledger = lakehouse.readRunDate(PipelineRunsTable.NAME, RUN_DATE)
                .where(col(PipelineRunsTable.STAGE).equalTo("needs-lines")).head();
        assertEquals(PipelineRunsTable.SKIPPED, ledger.getAs(PipelineRunsTable.STATUS));
        assertTrue(ledger.<String>getAs(PipelineRunsTable.MESSAGE).startsWith("skipped: needs transactions"));
        assertEquals(List.of(PipelineRunsTable.SUCCEEDED), lakehouse.readRunDate(PipelineRunsTable.NAME, RUN_DATE)
                .where(col(PipelineRunsTable.STAGE).equalTo("segment")).select(PipelineRunsTable.STATUS)
                .collectAsList().stream().map(row -> row.getString(0)).toList());
    }
}
