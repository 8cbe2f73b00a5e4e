package org.segplan.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** Which error a stage's failure stands for, by its cause chain (the real Spark failures are in IngestStageTest). */
class FailuresTest {
    @Test
    void aUserErrorInsideASparkJobIsThatError() {
        SegplanException inner = Errors.emptyInput("customers", "/data/customers.csv");
        assertSame(inner, Failures.explain("ingest", new SparkException("Job aborted", inner)));
    }

    @Test
    void aFileThatFailsWhileReadIsAnInputErrorNamingTheFileInOneLine() {
        SparkException failure = new SparkException("Job aborted due to stage failure: Lost task 0.0:"
                + " Encountered error while reading file file:///data/transactions.csv.gz. Details:\n\tat somewhere",
                new SparkException("Encountered error while reading file file:///data/transactions.csv.gz. Details:",
                        new EOFException("Unexpected end of input stream")));
        SegplanException explained = Failures.explain("ingest", failure);
        assertEquals("UNREADABLE_INPUT", explained.code());
        assertEquals(3, explained.category().exitCode());
        assertTrue(explained.getMessage().contains("file file:///data/transactions.csv.gz:"), explained.getMessage());
        assertTrue(explained.getMessage().contains("EOFException: Unexpected end of input stream"));
        assertFalse(explained.getMessage().contains("\tat "), "no stack trace in the message");
        assertSame(failure, explained.getCause(), "the whole failure stays the cause, for the log");
    }

    @Test
    void otherJobFailuresStorageFailuresMemoryAndBugsHaveTheirOwnCodes() {
        assertEquals("SPARK_JOB_FAILED", Failures.explain("segment",
                new SparkException("Job aborted", new IllegalStateException("executor lost"))).code());
        assertEquals(5, Failures.explain("segment", new SparkException("Job aborted")).category().exitCode());
        assertEquals("STORAGE_FAILED", Failures.explain("allocate",
                new IllegalStateException("commit failed", new IOException("connection refused"))).code());
        assertEquals("OUT_OF_MEMORY", Failures.explain("features", new OutOfMemoryError("Java heap space")).code());
        SegplanException analyzer = Failures.explain("allocate", new SparkException(
                "[INTERNAL_ERROR] \nFailure when resolving conflicting references in Join:\n'Join Inner", null));
        assertEquals("INTERNAL_ERROR", analyzer.code(), "Spark's own internal error is a bug");
        assertTrue(analyzer.getMessage().contains(
                "SparkException: [INTERNAL_ERROR] Failure when resolving conflicting references in Join"),
                analyzer.getMessage());
        SegplanException bug = Failures.explain("classify", new NullPointerException("segment is null"));
        assertEquals("INTERNAL_ERROR", bug.code());
        assertEquals(70, bug.category().exitCode());
        assertTrue(bug.getMessage().contains("NullPointerException: segment is null"), bug.getMessage());
    }
}
