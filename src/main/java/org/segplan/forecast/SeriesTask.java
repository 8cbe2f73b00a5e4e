package org.segplan.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.segplan.forecast.model.EngineSettings;
import org.segplan.forecast.model.ForecastEngine;
import org.segplan.forecast.model.InventoryTargets;
import org.segplan.forecast.model.Regressor;
import org.segplan.forecast.model.SeriesForecast;

/**
 * Forecasts one series inside a Spark task: builds the dense, zero-filled history from its rows, lines up the
 * regressors (calendar counts, or the input's own 0/1 columns), runs the engine and, for segment demand, the
 * inventory targets.
 */
public final class SeriesTask implements FlatMapGroupsFunction<String, Row, SeriesOutcome> {
    public static final String HOLIDAY = "holiday";
    public static final String PROMOTION = "promotion";

    private final EngineSettings settings;
    private final Buckets buckets;
    private final LocalDate lastFullStart;
    private final boolean fillToLastFullBucket;
    private final List<String> rowRegressors;
    private final Map<LocalDate, double[]> calendar;
    private final InventoryPolicy inventory;

    /**
     * @param fillToLastFullBucket demand: a series without recent lines has zero demand up to the last full
     *     bucket; other series end at their last value
     * @param rowRegressors input columns holding 0/1 regressors (forecast-series)
     * @param calendar holiday and promotion days per bucket start (segment demand), possibly empty
     * @param inventory null when no inventory targets are wanted
     */
    public SeriesTask(EngineSettings settings, Buckets buckets, LocalDate lastFullStart, boolean fillToLastFullBucket,
            List<String> rowRegressors, Map<LocalDate, double[]> calendar, InventoryPolicy inventory) {
        this.settings = settings;
        this.buckets = buckets;
        this.lastFullStart = lastFullStart;
        this.fillToLastFullBucket = fillToLastFullBucket;
        this.rowRegressors = List.copyOf(rowRegressors);
        this.calendar = new TreeMap<>(calendar);
        this.inventory = inventory;
    }

    @Override
    public Iterator<SeriesOutcome> call(String seriesId, Iterator<Row> rows) {
        TreeMap<LocalDate, double[]> observed = new TreeMap<>();
        Map<LocalDate, double[]> regressorValues = new TreeMap<>();
        Integer segmentId = null;
        String category = null;
        String region = null;
        while (rows.hasNext()) {
            Row row = rows.next();
            segmentId = row.isNullAt(row.fieldIndex(SeriesInputColumns.SEGMENT_ID)) ? null
                    : row.getInt(row.fieldIndex(SeriesInputColumns.SEGMENT_ID));
            category = row.getAs(SeriesInputColumns.CATEGORY);
            region = row.getAs(SeriesInputColumns.REGION);
            LocalDate period = buckets.start(((java.sql.Date) row.getAs(SeriesInputColumns.PERIOD_START)).toLocalDate());
            double[] flags = regressorValues.computeIfAbsent(period, ignored -> new double[rowRegressors.size()]);
            for (int r = 0; r < rowRegressors.size(); r++) {
                Object value = row.getAs(rowRegressors.get(r));
                if (value != null) {
                    flags[r] = Math.max(flags[r], ((Number) value).doubleValue());
                }
            }
            Object units = row.getAs(SeriesInputColumns.UNITS);
            if (units == null || period.isAfter(lastFullStart)) {
                continue;
            }
            Object value = row.getAs(SeriesInputColumns.VALUE);
            double[] sums = observed.computeIfAbsent(period, ignored -> new double[2]);
            sums[0] += ((Number) units).doubleValue();
            sums[1] += value == null ? 0 : ((Number) value).doubleValue();
        }
        if (observed.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        LocalDate first = observed.firstKey();
        LocalDate last = fillToLastFullBucket ? lastFullStart : observed.lastKey();
        int n = buckets.between(first, last) + 1;
        int horizon = settings.horizon();
        double[] units = new double[n];
        double[] values = new double[n];
        observed.forEach((period, sums) -> {
            int index = buckets.between(first, period);
            units[index] = sums[0];
            values[index] = sums[1];
        });
        List<Regressor> regressors = new ArrayList<>();
        double[] holidays = new double[n + horizon];
        double[] promotions = new double[n + horizon];
        for (int t = 0; t < n + horizon; t++) {
            double[] days = calendar.get(buckets.plus(first, t));
            if (days != null) {
                holidays[t] = days[0];
                promotions[t] = days[1];
            }
        }
        if (!calendar.isEmpty()) {
            regressors.add(new Regressor(HOLIDAY, holidays));
            regressors.add(new Regressor(PROMOTION, promotions));
        }
        for (int r = 0; r < rowRegressors.size(); r++) {
            double[] flags = new double[n + horizon];
            for (int t = 0; t < n + horizon; t++) {
                double[] atPeriod = regressorValues.get(buckets.plus(first, t));
                flags[t] = atPeriod == null ? 0 : atPeriod[r];
            }
            regressors.add(new Regressor(rowRegressors.get(r), flags));
        }
        boolean nonNegative = java.util.Arrays.stream(units).allMatch(v -> v >= 0);
        SeriesForecast forecast = new ForecastEngine(settings.withClipAtZero(nonNegative)).forecast(units, regressors);
        double unitValue = unitValue(units, values, settings.seasonLength());
        InventoryTargets targets = null;
        String policyName = null;
        if (inventory != null) {
            targets = InventoryTargets.forForecast(inventory.serviceLevel(segmentId), inventory.leadTimeDays(category),
                    inventory.bucketDays(), forecast);
            policyName = inventory.policyName(segmentId);
        }
        return List.of(new SeriesOutcome(seriesId, segmentId, category, region, first, units, values,
                java.util.Arrays.copyOf(holidays, n), java.util.Arrays.copyOf(promotions, n), unitValue, forecast,
                targets, policyName)).iterator();
    }

    /** Value per unit over the last season (or the whole history when that has no net units). */
    static double unitValue(double[] units, double[] values, int seasonLength) {
        for (int from : new int[] {Math.max(0, units.length - seasonLength), 0}) {
            double unitSum = 0;
            double valueSum = 0;
            for (int t = from; t < units.length; t++) {
                unitSum += units[t];
                valueSum += values[t];
            }
            if (unitSum > 0) {
                return Math.max(0, valueSum / unitSum);
            }
        }
        return 0;
    }
}
