package org.segplan.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SegmentMatcherTest {
    @Test
    void shuffledCentroidsAreMatchedBack() {
        double[][] previous = {{0, 0}, {10, 0}, {0, 10}};
        double[][] current = {{0.5, 9.5}, {0.2, -0.1}, {9.8, 0.3}};
        assertArrayEquals(new int[] {2, 0, 1}, SegmentMatcher.match(previous, current));
    }

    @Test
    void theCheapestTotalWinsOverGreedyNearestChoices() {
        // Greedy gives current 0 its nearest, previous 0 (distance 1), leaving current 1 with previous 1
        // (distance 10): 11 in all. Crosswise costs 2 + 7 = 9.
        double[][] previous = {{0}, {3}};
        double[][] current = {{1}, {-7}};
        int[] match = SegmentMatcher.match(previous, current);
        assertArrayEquals(new int[] {1, 0}, match);
    }

    @Test
    void extraSegmentsAreNewAndGetFreshIds() {
        double[][] previous = {{0, 0}, {10, 10}};
        double[][] current = {{10, 9}, {50, 50}, {1, 0}};
        int[] match = SegmentMatcher.match(previous, current);
        assertArrayEquals(new int[] {1, -1, 0}, match);
        assertArrayEquals(new int[] {7, 8, 3}, SegmentMatcher.stableIds(match, new int[] {3, 7}));
    }

    @Test
    void fewerSegmentsThanBeforeKeepTheirClosestIds() {
        double[][] previous = {{0}, {10}, {20}};
        double[][] current = {{19}, {1}};
        assertArrayEquals(new int[] {2, 0}, SegmentMatcher.match(previous, current));
    }
}
