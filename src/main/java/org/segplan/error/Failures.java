package org.segplan.error;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Turns any failure of a stage into the user-facing error it stands for. Spark's checked {@code SparkException}
 * reaches Java code undeclared, and a failed job wraps the task's real cause, so the cause chain decides: a
 * {@link SegplanException} anywhere in it wins, a file that failed while being read is an input error, any other
 * job failure or storage error a stage error, and everything else a bug.
 */
public final class Failures {
    // Spark names the file it was reading when a task fails on it ("Encountered error while reading file X.").
    private static final Pattern READING_FILE = Pattern.compile("reading file (\\S+?)\\.?(?:\\s|$)");
    private static final List<String> UNREADABLE_HINTS = List.of(
            "reading file", "is not a Parquet file", "Unexpected end of input stream");

    private Failures() {
    }

    public static SegplanException explain(String stage, Throwable failure) {
        List<Throwable> chain = chain(failure);
        Optional<SegplanException> known = chain.stream().filter(SegplanException.class::isInstance)
                .map(SegplanException.class::cast).findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        if (chain.stream().anyMatch(OutOfMemoryError.class::isInstance)) {
            return Errors.outOfMemory(stage, failure);
        }
        String cause = rootCause(failure);
        if (chain.stream().anyMatch(Failures::isUnreadable)) {
            return Errors.unreadableFile(stage, fileNamed(chain).orElse(null), cause, failure);
        }
        // Spark's own INTERNAL_ERROR (an analyzer or planner failure) is a bug, not a lost executor.
        if (chain.stream().anyMatch(step -> firstLine(step).contains("[INTERNAL_ERROR]"))) {
            return Errors.unexpectedFailure(stage, cause, failure);
        }
        if (chain.stream().anyMatch(step -> step.getClass().getName().equals("org.apache.spark.SparkException"))) {
            return Errors.sparkJobFailed(stage, cause, failure);
        }
        if (chain.stream().anyMatch(IOException.class::isInstance)) {
            return Errors.storageFailed(stage, cause, failure);
        }
        return Errors.unexpectedFailure(stage, cause, failure);
    }

    private static boolean isUnreadable(Throwable step) {
        String message = firstLine(step);
        return step instanceof EOFException || step instanceof ZipException || step instanceof FileNotFoundException
                || UNREADABLE_HINTS.stream().anyMatch(message::contains);
    }

    private static Optional<String> fileNamed(List<Throwable> chain) {
        for (Throwable step : chain) {
            Matcher matcher = READING_FILE.matcher(firstLine(step));
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable step = failure; step != null && !chain.contains(step); step = step.getCause()) {
            chain.add(step);
        }
        return chain;
    }

    /** The innermost cause in one line, with its type. */
    public static String rootCause(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return firstLine(chain.get(chain.size() - 1));
    }

    /**
     * The cause in one line: Spark's job messages carry the task's whole stack trace after the first line, and an
     * error class alone (such as {@code [INTERNAL_ERROR]}) is followed by the line that says what happened.
     */
    private static String firstLine(Throwable step) {
        String message = step.getMessage();
        List<String> lines = message == null ? List.of() : message.lines().map(String::strip)
                .filter(line -> !line.isEmpty()).limit(2).toList();
        String line = lines.isEmpty() ? "" : lines.get(0);
        if (lines.size() > 1 && line.matches("\\[[A-Z_.]+\\]")) {
            line = line + " " + lines.get(1);
        }
        return step.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
    }
}
