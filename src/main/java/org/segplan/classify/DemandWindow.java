package org.segplan.classify;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The full weeks (Monday to Sunday) that ABC/XYZ look at: the {@code weeks} weeks that end on or before the run
 * date. A run on a Wednesday leaves that week's Monday to Wednesday out, so every week in the window is complete.
 */
public record DemandWindow(LocalDate start, LocalDate endExclusive, int weeks) {
    public DemandWindow {
        requireNonNull(start, "start is null");
        requireNonNull(endExclusive, "endExclusive is null");
    }

    public static DemandWindow before(LocalDate runDate, int weeks) {
        LocalDate end = runDate.plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new DemandWindow(end.minusWeeks(weeks), end, weeks);
    }
}
