package org.segplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.classify.ClassifyFrames;
import org.segplan.config.ConfigLoader;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.SegplanException;
import org.segplan.io.RunIdentity;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/**
 * Wiring of the classify stage on in-memory tables: it reads what its spec declares and writes every table it
 * counts. What the tables hold is {@code classify.ClassificationTest}'s subject.
 */
class ClassifyStageTest {
    @TempDir
    Path folder;

    private RunContext context(InMemoryTables tables, String... overrides) {
        SegplanConfig config = ConfigLoader.load(Optional.of(Path.of("conf", "local.conf")), List.of(overrides));
        RunContext context = TestRuns.inMemoryContext(config, ClassifyFrames.RUN_DATE, tables);
        RunIdentity run = context.run();
        tables.replaceRunDate(CustomerFeaturesTable.NAME, ClassifyFrames.features(), run);
        tables.replaceRunDate(CustomerSegmentsTable.NAME, ClassifyFrames.segments(), run);
        tables.replaceRunDate(SegmentProfilesTable.NAME, ClassifyFrames.profiles(), run);
        tables.replaceRunDate(ValidatedTables.of(ProductsTable.NAME), ClassifyFrames.products(), run);
        tables.replaceRunDate(ValidatedTables.of(TransactionsTable.NAME), ClassifyFrames.transactions(), run);
        return context;
    }

    @Test
    void theStageWritesEveryTableItCountsForTheRunDate() {
        InMemoryTables tables = new InMemoryTables(SharedSpark.get(), folder);
        StageOutcome outcome = Stages.classify().execute(context(tables));
        assertEquals(ClassifyStage.SPEC.writes().stream().map(StageSpec.TableWrite::table).toList(),
                outcome.tables().stream().map(TableCounts::table).toList());
        for (TableCounts counts : outcome.tables()) {
            assertEquals(counts.rowsOut(), tables.countRunDate(counts.table(), ClassifyFrames.RUN_DATE),
                    counts.table());
            assertTrue(counts.rowsOut() > 0, counts.table());
        }
        assertEquals(ClassifyFrames.CUSTOMERS * 8, outcome.tables().get(0).rowsOut());
        assertEquals(ClassifyFrames.CUSTOMERS, outcome.tables().get(2).rowsOut());
        assertEquals(ClassifyFrames.SEGMENTS, outcome.notes().stream()
                .filter(note -> note.matches("segment \\d+ \\(.*\\) -> .*")).count(), outcome.notes().toString());
        assertEquals(8, outcome.notes().stream().filter(note -> note.startsWith("rule set ")).count());
    }

    @Test
    void aRuleNamingAnUnknownColumnFailsTheStageBeforeItWritesAnything() {
        InMemoryTables tables = new InMemoryTables(SharedSpark.get(), folder);
        RunContext context = context(tables,
                "segplan.service-policies.assignment=[{ policy = \"standard\", when = \"urgent_share > 0.5\" }]");
        List<String> before = tables.names();
        SegplanException error = assertThrows(SegplanException.class, () -> Stages.classify().execute(context));
        assertEquals("RULE_UNKNOWN_COLUMN", error.code());
        assertTrue(error.getMessage().contains("urgent_share"), error.getMessage());
        assertEquals(before, tables.names());
    }
}
