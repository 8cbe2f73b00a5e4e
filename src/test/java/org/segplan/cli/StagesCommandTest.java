package org.segplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Airflow DAG's task list and the Python suites' table lists are read from a committed copy of
 * {@code segplan stages --json}; this test keeps that copy equal to the stage specs.
 */
class StagesCommandTest {
    private static final Path COMMITTED = Path.of("airflow", "dags", "segplan_stages.json");

    @Test
    void theCommittedStageListIsTheOutputOfTheStagesCommand() throws IOException {
        assertTrue(Files.isRegularFile(COMMITTED), COMMITTED.toAbsolutePath() + " is missing: run 'make stages-json'");
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing();
        String current = StagesCommand.toJson().replace("\r\n", "\n").stripTrailing();
        assertEquals(current, committed, COMMITTED + " differs from 'segplan stages --json' (the stage specs changed):"
                + " run 'make stages-json' and commit the file, so the Airflow DAG and the test suites see the change");
    }

    @Test
    void theStagesCommandPrintsTheSameJson() {
        PrintStream out = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SegplanCli.execute("stages", "--json");
        } finally {
            System.setOut(out);
        }
        assertEquals(0, code);
        assertEquals(StagesCommand.toJson().stripTrailing(), stdout.toString(StandardCharsets.UTF_8).stripTrailing());
    }
}
