package org.segplan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.config.InputSpec;
import org.segplan.contract.TransactionsTable;
import org.segplan.error.Failures;
import org.segplan.error.SegplanException;
import org.segplan.mapping.InputFormat;
import org.segplan.testing.SharedSpark;
import org.segplan.testing.TestRuns;

/** How the reader meets files that change under it (the bad files themselves are in IngestStageTest). */
class InputReaderTest {
    @Test
    void aFileRemovedBetweenListingAndReadingIsAnInputErrorNamingIt(@TempDir Path folder) throws IOException {
        List<String> lines = Files.readAllLines(TestRuns.resource("bad-inputs/rows/transactions.csv"));
        Path transactions = Files.createDirectories(folder.resolve("transactions"));
        Files.write(transactions.resolve("part-1.csv"), lines.subList(0, 4));
        Path removed = transactions.resolve("part-2.csv");
        Files.write(removed, List.of(lines.get(0), lines.get(4), lines.get(5)));
        InputSpec spec = new InputSpec(TransactionsTable.NAME, transactions.toString(), InputFormat.CSV, Map.of(), true);

        // Reading the input lists its files and reads the first; the rows are read when a stage's job runs.
        SourceTable source = new InputReader(SharedSpark.get()).read(spec, TransactionsTable.CONTRACT).orElseThrow();
        Files.delete(removed);
        Exception failure = assertThrows(Exception.class, () -> source.text().count());

        SegplanException explained = Failures.explain("ingest", failure);
        assertEquals("UNREADABLE_INPUT", explained.code());
        assertEquals(3, explained.category().exitCode());
        assertTrue(explained.getMessage().contains("part-2.csv"), explained.getMessage());
        assertTrue(explained.getMessage().contains("FileNotFoundException"), explained.getMessage());
    }
}
