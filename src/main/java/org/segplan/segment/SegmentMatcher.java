package org.segplan.segment;

import com.google.ortools.Loader;
import com.google.ortools.graph.LinearSumAssignment;
import java.util.Arrays;

/**
 * Keeps segment ids stable across runs: matches this run's segment centroids to the previous run's by a
 * minimum-cost assignment (OR-Tools' linear sum assignment) of the distances between them. Plain Java.
 */
public final class SegmentMatcher {
    /** Integer costs for the solver: distances are scaled by this before rounding. */
    private static final double COST_SCALE = 1_000_000;

    private SegmentMatcher() {
    }

    /**
     * @param previous centroids of the previous run, one row per segment, in the same feature units as current
     * @param current  centroids of this run
     * @return for each current segment the index of the previous segment it continues, or -1 for a new segment
     *         (more segments than before)
     */
    public static int[] match(double[][] previous, double[][] current) {
        int size = Math.max(previous.length, current.length);
        long[][] cost = new long[size][size];
        long largest = 0;
        for (int row = 0; row < current.length; row++) {
            for (int column = 0; column < previous.length; column++) {
                cost[row][column] = Math.round(distance(current[row], previous[column]) * COST_SCALE);
                largest = Math.max(largest, cost[row][column]);
            }
        }
        Loader.loadNativeLibraries();
        LinearSumAssignment assignment = new LinearSumAssignment();
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                // Padding (unequal k) costs more than any real pair, so real pairs are matched first.
                boolean real = row < current.length && column < previous.length;
                assignment.addArcWithCost(row, column, real ? cost[row][column] : largest + 1);
            }
        }
        if (assignment.solve() != LinearSumAssignment.Status.OPTIMAL) {
            throw new IllegalStateException("segment matching found no optimal assignment");
        }
        int[] result = new int[current.length];
        for (int row = 0; row < current.length; row++) {
            int column = assignment.getRightMate(row);
            result[row] = column < previous.length ? column : -1;
        }
        return result;
    }

    static double distance(double[] first, double[] second) {
        double sum = 0;
        for (int index = 0; index < first.length; index++) {
            double difference = first[index] - second[index];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }

    /** New ids for a run: matched segments keep the previous id, new ones get ids after the largest ever used. */
    public static int[] stableIds(int[] currentToPrevious, int[] previousIds) {
        int next = Arrays.stream(previousIds).max().orElse(0) + 1;
        int[] ids = new int[currentToPrevious.length];
        for (int segment = 0; segment < ids.length; segment++) {
            ids[segment] = currentToPrevious[segment] >= 0 ? previousIds[currentToPrevious[segment]] : next++;
        }
        return ids;
    }
}
