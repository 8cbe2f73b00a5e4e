package org.segplan.forecast;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The time bucket demand is summed over. */
public enum Bucket {
    WEEK(7, 52), MONTH(30, 12);

    private final int days;
    private final int seasonLength;

    Bucket(int days, int seasonLength) {
        this.days = days;
        this.seasonLength = seasonLength;
    }

    /** Nominal length in days, used to express lead times in buckets. */
    public int days() {
        return days;
    }

    /** Buckets per year: 52 weeks, 12 months. */
    public int seasonLength() {
        return seasonLength;
    }

    /** "week" or "month", as written in the configuration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Bucket> parse(String name) {
        return Arrays.stream(values()).filter(bucket -> bucket.label().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
