package org.segplan.allocate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.SegmentDemandForecastTable;

/**
 * Days in each forecast period, which scale the centers' weekly capacity and fixed cost: a period lasts until the
 * next period's start; the last as long as the one before it; a single period is a week.
 */
public final class PeriodLengths {
    private static final double WEEK = 7;

    private PeriodLengths() {
    }

    /** By ISO start date, in date order; a small collect: periods are few. */
    public static Map<String, Double> of(Dataset<Row> forecast) {
        return days(forecast.select(SegmentDemandForecastTable.PERIOD_START).distinct()
                .orderBy(SegmentDemandForecastTable.PERIOD_START).collectAsList().stream()
                .map(row -> row.getDate(0).toLocalDate()).toList());
    }

    /** @param starts period starts in ascending order, without repeats */
    public static Map<String, Double> days(List<LocalDate> starts) {
        Map<String, Double> days = new TreeMap<>();
        for (int index = 0; index < starts.size(); index++) {
            days.put(starts.get(index).toString(), length(starts, index));
        }
        return days;
    }

    private static double length(List<LocalDate> starts, int index) {
        if (index + 1 < starts.size()) {
            return ChronoUnit.DAYS.between(starts.get(index), starts.get(index + 1));
        }
        if (index > 0) {
            return ChronoUnit.DAYS.between(starts.get(index - 1), starts.get(index));
        }
        return WEEK;
    }
}
