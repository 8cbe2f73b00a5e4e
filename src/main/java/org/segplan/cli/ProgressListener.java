package org.segplan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/** Prints task progress of long Spark stages, at most every few seconds, so a long run shows it is alive. */
final class ProgressListener extends SparkListener {
    private static final long INTERVAL_MILLIS = 5_000;
    private final PrintStream out;
    private final Map<Integer, Integer> totalTasks = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> doneTasks = new ConcurrentHashMap<>();
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private volatile long lastPrinted = System.currentTimeMillis();

    private ProgressListener(PrintStream out) {
        this.out = out;
    }

    static void attach(SparkSession spark, PrintStream out) {
        spark.sparkContext().addSparkListener(new ProgressListener(out));
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        int stage = event.stageInfo().stageId();
        totalTasks.put(stage, event.stageInfo().numTasks());
        doneTasks.put(stage, new AtomicInteger());
        names.put(stage, event.stageInfo().name());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        AtomicInteger done = doneTasks.get(event.stageId());
        if (done == null) {
            return;
        }
        int finished = done.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - lastPrinted >= INTERVAL_MILLIS) {
            lastPrinted = now;
            out.printf("  ... spark stage %d (%s): %d/%d tasks%n", event.stageId(), names.get(event.stageId()),
                    finished, totalTasks.getOrDefault(event.stageId(), 0));
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
        int stage = event.stageInfo().stageId();
        totalTasks.remove(stage);
        doneTasks.remove(stage);
        names.remove(stage);
    }
}
