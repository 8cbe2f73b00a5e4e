package org.segplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Command-line behaviour that needs no Spark: help, and user errors with their exit codes. */
class SegplanCliTest {
    private static String[] captured(Runnable action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true));
        System.setErr(new PrintStream(stderr, true));
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {stdout.toString(), stderr.toString()};
    }

    @Test
    void helpListsEveryCommand() {
        int[] code = new int[1];
        String[] output = captured(() -> code[0] = SegplanCli.execute("--help"));
        assertEquals(0, code[0]);
        for (String command : new String[] {"generate", "ingest", "features", "segment", "score", "evaluate", "classify", "forecast", "allocate", "check", "run"}) {
            assertTrue(output[0].contains(command), command);
        }
        assertEquals(0, SegplanCli.execute("run", "--help"));
    }

    @Test
    void configurationErrorsExitWithTwoAndAMessage() {
        int[] code = new int[1];
        String[] output = captured(() -> code[0] = SegplanCli.execute("run", "--set", "segplan.lakehouse.rot=/x"));
        assertEquals(2, code[0]);
        assertTrue(output[1].contains("UNKNOWN_CONFIG_KEY"), output[1]);
        assertTrue(output[1].contains("Fix:"), output[1]);
        assertEquals(2, SegplanCli.execute("ingest", "--run-date", "31/12/2025"));
        assertEquals(2, SegplanCli.execute("generate", "--output", "/tmp/never", "--customers", "3"));
    }
}
