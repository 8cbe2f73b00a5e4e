package org.segplan.allocate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.segplan.allocate.model.Center;

class CenterNetworkTest {
    static final Center WEST = new Center("W", 0, 0, 10, 1, 0);
    static final Center EAST = new Center("E", 0, 10, 10, 1, 0);

    @Test
    void nearestCenterIsTheClosestByGreatCircleAndTheFirstOnATie() {
        assertEquals("E", CenterNetwork.nearest(0, 6, List.of(WEST, EAST)).id());
        assertEquals("W", CenterNetwork.nearest(1, 4, List.of(WEST, EAST)).id());
        assertEquals("W", CenterNetwork.nearest(0, 5, List.of(WEST, EAST)).id());
        assertEquals("E", CenterNetwork.nearest(0, 5, List.of(EAST, WEST)).id());
    }
}
