package org.segplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.allocate.AllocationScenario;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.AllocationSummaryTable;
import org.segplan.contract.DcAllocationTable;
import org.segplan.contract.DcCandidateSitesTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.UnmetDemandTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.SegplanException;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/**
 * The stage's wiring on an in-memory store (the allocation itself is tested in AllocationPlanTest): it reads its
 * declared tables, writes every table of its spec for the run date, reports counts and notes; an infeasible run
 * writes nothing; a run date without a forecast names the command to run first; one without order lines is skipped.
 */
class AllocateStageTest {
    static final LocalDate RUN_DATE = AllocationScenario.RUN_DATE;

    @TempDir
    static Path folder;
    static InMemoryTables tables;
    static StageOutcome outcome;
    static Map<String, Long> rowsAfterRun;
    static SegplanException infeasible;
    static Map<String, Long> rowsAfterInfeasible;
    static SegplanException noForecast;
    static StageOutcome withoutOrderLines;

    @BeforeAll
    static void runTheStage() {
        tables = new InMemoryTables(SharedSpark.get(), folder.resolve("models"));
        SegplanConfig config = config();
        RunContext context = TestRuns.inMemoryContext(config, RUN_DATE, tables);
        AllocationScenario.tables(SharedSpark.get()).forEach((table, rows) -> tables.replaceRunDate(table, rows,
                context.run()));
        outcome = new AllocateStage().execute(context);
        rowsAfterRun = writtenRows();

        // With the policy, the default limit binds unsegmented demand, which Madrid's zone cannot get in time.
        SegplanConfig unreachable = config("segplan.allocation.default-max-lead-time-days="
                + AllocationScenario.UNREACHABLE_DEFAULT_DAYS);
        infeasible = assertThrows(SegplanException.class,
                () -> new AllocateStage().execute(TestRuns.inMemoryContext(unreachable, RUN_DATE, tables)));
        rowsAfterInfeasible = writtenRows();

        // A run date with order lines but no forecast: the stage says which command to run first.
        RunContext earlier = TestRuns.inMemoryContext(config, LocalDate.of(2025, 11, 30), tables);
        tables.replaceRunDate(ValidatedTables.of(TransactionsTable.NAME),
                tables.readRunDate(ValidatedTables.of(TransactionsTable.NAME), RUN_DATE)
                        .drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID), earlier.run());
        noForecast = assertThrows(SegplanException.class, () -> new AllocateStage().execute(earlier));
        // Without order lines at all (a customers-only run) it is skipped instead.
        withoutOrderLines = new AllocateStage().execute(
                TestRuns.inMemoryContext(config, LocalDate.of(2025, 10, 31), tables));
    }

    private static SegplanConfig config(String... extra) {
        List<String> overrides = new ArrayList<>(List.of("segplan.allocation.transport-cost-per-unit-km=0.001"));
        overrides.addAll(List.of(extra));
        return TestRuns.config(folder.resolve("inputs"), folder.resolve("lakehouse"), overrides.toArray(String[]::new));
    }

    /** Rows for the run date of every table the spec may write. */
    private static Map<String, Long> writtenRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        AllocateStage.SPEC.writtenTables().forEach(table -> rows.put(table, tables.countRunDate(table, RUN_DATE)));
        return rows;
    }

    @Test
    void writesEveryTableOfItsSpecForTheRunDate() {
        rowsAfterRun.forEach((table, rows) -> {
            if (table.equals(DcCandidateSitesTable.NAME)) {
                assertFalse(tables.exists(table), "no candidate sites asked for");
            } else if (table.equals(UnmetDemandTable.NAME)) {
                assertTrue(tables.exists(table), table);
                assertEquals(0, rows, "demand must be met without a penalty");
            } else {
                assertTrue(rows > 0, table + " has no rows for " + RUN_DATE);
            }
        });
        assertEquals(3, rowsAfterRun.get(DemandZonesTable.NAME));
        assertEquals(3, rowsAfterRun.get(AllocationSummaryTable.NAME));
    }

    @Test
    void reportsCountsAndNotes() {
        Map<String, TableCounts> counts = new LinkedHashMap<>();
        outcome.tables().forEach(table -> counts.put(table.table(), table));
        assertEquals(9, counts.get(DemandZonesTable.NAME).rowsIn(), "customers with a city");
        assertEquals(3, counts.get(DemandZonesTable.NAME).rowsOut());
        assertEquals(24, counts.get(DcAllocationTable.NAME).rowsIn(), "zone x segment x period demands");
        assertEquals(rowsAfterRun.get(DcAllocationTable.NAME), counts.get(DcAllocationTable.NAME).rowsOut());
        assertEquals(3, counts.get(AllocationSummaryTable.NAME).rowsIn());
        assertEquals(3, counts.get(AllocationSummaryTable.NAME).rowsOut());
        // The optional policy was read; the configuration reached the plan (city zones, the LP).
        assertTrue(outcome.notes().stream().anyMatch(note -> note.contains("1:1d") && note.contains("2:5d")),
                outcome.notes().toString());
        assertTrue(outcome.notes().stream().anyMatch(note -> note.startsWith("3 zones (city)") && note.endsWith("(GLOP)")),
                outcome.notes().toString());
    }

    @Test
    void anInfeasibleRunWritesNothing() {
        assertEquals("ALLOCATION_INFEASIBLE", infeasible.code());
        assertTrue(infeasible.getMessage().contains("Madrid x segment unsegmented"), infeasible.getMessage());
        assertEquals(rowsAfterRun, rowsAfterInfeasible);
    }

    @Test
    void missingForecastSaysToRunTheForecastFirst() {
        assertEquals("MISSING_STAGE_INPUT", noForecast.code());
        assertTrue(noForecast.getMessage().contains("segplan forecast"), noForecast.getMessage());
    }

    @Test
    void withoutOrderLinesTheStageIsSkipped() {
        assertTrue(withoutOrderLines.isSkipped());
        assertTrue(withoutOrderLines.skippedBecause().orElseThrow().contains("needs transactions"),
                withoutOrderLines.skippedBecause().toString());
    }
}
