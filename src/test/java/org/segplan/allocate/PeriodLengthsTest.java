package org.segplan.allocate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodLengthsTest {
    @Test
    void aPeriodLastsUntilTheNextStartAndTheLastAsLongAsTheOneBefore() {
        Map<String, Double> days = PeriodLengths.days(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1)));
        assertEquals(Map.of("2026-01-01", 31.0, "2026-02-01", 28.0, "2026-03-01", 28.0), days);
        assertEquals(List.of("2026-01-01", "2026-02-01", "2026-03-01"), List.copyOf(days.keySet()), "in date order");
    }

    @Test
    void aSinglePeriodIsAWeek() {
        assertEquals(Map.of("2026-01-05", 7.0), PeriodLengths.days(List.of(LocalDate.of(2026, 1, 5))));
        assertEquals(Map.of(), PeriodLengths.days(List.of()));
    }
}
