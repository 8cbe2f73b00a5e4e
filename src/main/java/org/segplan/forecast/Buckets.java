package org.segplan.forecast;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Calendar arithmetic of time buckets: weeks start on Monday, months on the first. */
public record Buckets(Bucket bucket) implements Serializable {
    public LocalDate start(LocalDate date) {
        return bucket == Bucket.WEEK ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date.withDayOfMonth(1);
    }

    public LocalDate plus(LocalDate start, long buckets) {
        return bucket == Bucket.WEEK ? start.plusWeeks(buckets) : start.plusMonths(buckets);
    }

    public int between(LocalDate fromStart, LocalDate toStart) {
        return (int) (bucket == Bucket.WEEK ? ChronoUnit.WEEKS.between(fromStart, toStart)
                : ChronoUnit.MONTHS.between(fromStart, toStart));
    }

    /** The start of the last bucket that ends on or before the run date (a bucket in progress is left out). */
    public LocalDate lastFullStart(LocalDate runDate) {
        return plus(start(runDate.plusDays(1)), -1);
    }
}
