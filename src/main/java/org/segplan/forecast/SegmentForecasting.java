package org.segplan.forecast;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.InventoryTargetsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentDemandHistoryTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.error.Errors;

/**
 * The forecast stage's entry: net demand per segment x category (x region) from the validated order lines, one
 * model per series chosen by rolling-origin backtest (in Spark tasks), the segment roll-up of the accuracy, and
 * inventory targets at each segment's service level.
 */
public final class SegmentForecasting {
    private SegmentForecasting() {
    }

    /**
     * The frames of one run date the forecast reads.
     *
     * @param customers validated customers; used (and then needed) when series are split by region
     * @param calendar validated calendar: holiday and promotion days become regressors
     * @param servicePolicies segment_service_policy: each segment's target service level and policy name
     */
    public record Inputs(Dataset<Row> transactions, Dataset<Row> products, Dataset<Row> segments,
            Optional<Dataset<Row>> customers, Optional<Dataset<Row>> calendar, Optional<Dataset<Row>> servicePolicies) {
        public Inputs {
            requireNonNull(transactions, "transactions is null");
            requireNonNull(products, "products is null");
            requireNonNull(segments, "segments is null");
            requireNonNull(customers, "customers is null");
            requireNonNull(calendar, "calendar is null");
            requireNonNull(servicePolicies, "servicePolicies is null");
        }
    }

    /**
     * @return segment_demand_history, segment_demand_forecast, forecast_backtest, forecast_accuracy (series and
     *     segment levels) and inventory_targets, in that order; close it once they are written
     */
    public static ForecastResult compute(Inputs inputs, ForecastSettings settings, LocalDate runDate) {
        Buckets buckets = new Buckets(settings.bucket());
        LocalDate lastFull = buckets.lastFullStart(runDate);
        List<String> notes = new ArrayList<>();
        Map<LocalDate, double[]> calendar = calendarDays(inputs.calendar(), settings, notes);
        InventoryPolicy policy = inventoryPolicy(inputs.servicePolicies(), settings, notes);
        Dataset<Row> demand = SegmentDemand.aggregate(inputs.transactions(), inputs.products(), inputs.segments(),
                regions(inputs.customers(), settings), settings.bucket(), lastFull)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<SeriesOutcome> outcomes = null;
        Dataset<Row> accuracy = null;
        try {
            notes.add(unsegmentedShare(demand, runDate, lastFull));
            SeriesTask task = new SeriesTask(settings.engine(), buckets, lastFull, true, List.of(), calendar, policy);
            outcomes = SeriesForecasting.forecast(demand, task).persist(StorageLevel.MEMORY_AND_DISK());
            long series = outcomes.count();
            ForecastRows.Keys keys = ForecastRows.Keys.SEGMENT;
            Dataset<Row> backtest = SeriesForecasting.rows(outcomes, ForecastBacktestTable.SCHEMA,
                    outcome -> ForecastRows.backtest(outcome, buckets, keys).iterator());
            Dataset<Row> seriesAccuracy = SeriesForecasting.rows(outcomes, ForecastAccuracyTable.SCHEMA,
                    outcome -> List.of(ForecastRows.accuracy(outcome, buckets, keys)).iterator());
            accuracy = seriesAccuracy.unionByName(SegmentAccuracy.rollUp(seriesAccuracy, backtest))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            tables.put(SegmentDemandHistoryTable.NAME, SeriesForecasting.rows(outcomes, SegmentDemandHistoryTable.SCHEMA,
                    outcome -> ForecastRows.history(outcome, buckets).iterator()));
            tables.put(SegmentDemandForecastTable.NAME, SeriesForecasting.rows(outcomes, SegmentDemandForecastTable.SCHEMA,
                    outcome -> ForecastRows.forecasts(outcome, buckets, keys).iterator()));
            tables.put(ForecastBacktestTable.NAME, backtest);
            tables.put(ForecastAccuracyTable.NAME, accuracy);
            tables.put(InventoryTargetsTable.NAME, SeriesForecasting.rows(outcomes, InventoryTargetsTable.SCHEMA,
                    outcome -> ForecastRows.inventory(outcome).iterator()));
            notes.add(0, series + " series (" + settings.bucket().label() + "ly, horizon " + settings.engine().horizon()
                    + ", last full bucket " + lastFull + "), models: " + modelCounts(accuracy));
            notes.addAll(segmentNotes(accuracy));
            return new ForecastResult(tables, series, notes, List.of(outcomes, accuracy));
        } catch (RuntimeException failure) {
            if (outcomes != null) {
                outcomes.unpersist();
            }
            if (accuracy != null) {
                accuracy.unpersist();
            }
            throw failure;
        } finally {
            demand.unpersist();
        }
    }

    private static Optional<Dataset<Row>> regions(Optional<Dataset<Row>> customers, ForecastSettings settings) {
        if (!settings.byRegion()) {
            return Optional.empty();
        }
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("series split by region need the validated customers");
        }
        return customers;
    }

    /** Fails when there is nothing to forecast; otherwise the share of units without a segment. */
    private static String unsegmentedShare(Dataset<Row> demand, LocalDate runDate, LocalDate lastFull) {
        Row shares = demand.agg(sum(abs(col(SeriesInputColumns.UNITS))),
                sum(when(col(SeriesInputColumns.SEGMENT_ID).isNull(), abs(col(SeriesInputColumns.UNITS)))
                        .otherwise(lit(0.0)))).head();
        if (shares.isNullAt(0) || shares.getDouble(0) == 0) {
            throw Errors.noDemandToForecast(runDate.toString(), lastFull.toString());
        }
        return String.format(Locale.ROOT, "unsegmented demand (no customer id or no segment): %.2f%% of units",
                100 * shares.getDouble(1) / shares.getDouble(0));
    }

    /** Holiday and promotion days per bucket start; empty when calendar effects are off or there is no calendar. */
    private static Map<LocalDate, double[]> calendarDays(Optional<Dataset<Row>> calendar, ForecastSettings settings,
            List<String> notes) {
        Map<LocalDate, double[]> days = new TreeMap<>();
        if (!settings.engine().calendarEffects()) {
            notes.add("calendar effects off (segplan.forecast.calendar-effects = false)");
            return days;
        }
        if (calendar.isEmpty()) {
            notes.add("no calendar for the run date: holiday and promotion effects not used");
            return days;
        }
        for (Row row : SegmentDemand.calendarDays(calendar.get(), settings.bucket()).collectAsList()) {
            days.put(row.getDate(0).toLocalDate(), new double[] {row.getLong(1), row.getLong(2)});
        }
        notes.add(days.isEmpty() ? "no calendar for the run date: holiday and promotion effects not used"
                : "calendar: holiday and promotion days in " + days.size() + " buckets used as regressors");
        return days;
    }

    private static InventoryPolicy inventoryPolicy(Optional<Dataset<Row>> policies, ForecastSettings settings,
            List<String> notes) {
        Map<Integer, Double> levels = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        if (policies.isPresent()) {
            for (Row row : policies.get().select(SegmentServicePolicyTable.SEGMENT_ID,
                    SegmentServicePolicyTable.TARGET_SERVICE_LEVEL, SegmentServicePolicyTable.POLICY_NAME).collectAsList()) {
                levels.put(row.getInt(0), row.getDouble(1));
                names.put(row.getInt(0), row.getString(2));
            }
        }
        notes.add(levels.isEmpty() ? String.format(Locale.ROOT,
                "no segment_service_policy for the run date: service level %.3f for every segment",
                settings.defaultServiceLevel())
                : "service levels from segment_service_policy: " + new TreeMap<>(levels));
        return new InventoryPolicy(levels, names, settings);
    }

    /** "[model count, ...]" over the series, by model name. */
    private static String modelCounts(Dataset<Row> accuracy) {
        return accuracy.where(col(ForecastAccuracyTable.LEVEL).equalTo(ForecastAccuracyTable.SERIES))
                .groupBy(ForecastAccuracyTable.MODEL).count().orderBy(ForecastAccuracyTable.MODEL).collectAsList()
                .stream().map(row -> row.getString(0) + " " + row.getLong(1)).toList().toString();
    }

    /** One line per segment (unsegmented last): backtest WAPE against the baseline's, and interval coverage. */
    private static List<String> segmentNotes(Dataset<Row> accuracy) {
        List<String> notes = new ArrayList<>();
        for (Row row : accuracy.where(col(ForecastAccuracyTable.LEVEL).equalTo(ForecastAccuracyTable.SEGMENT))
                .orderBy(coalesce(col(ForecastAccuracyTable.SEGMENT_ID), lit(Integer.MAX_VALUE)))
                .select(ForecastAccuracyTable.SEGMENT_ID, ForecastAccuracyTable.WAPE, ForecastAccuracyTable.BASELINE_WAPE,
                        ForecastAccuracyTable.COVERAGE_80, ForecastAccuracyTable.COVERAGE_95,
                        ForecastAccuracyTable.BASELINE_MODEL).collectAsList()) {
            notes.add(String.format(Locale.ROOT, "segment %s: backtest WAPE %s vs baseline (%s) %s, coverage 80%% %s, 95%% %s",
                    row.isNullAt(0) ? "unsegmented" : row.get(0), percent(row, 1), row.getString(5), percent(row, 2),
                    percent(row, 3), percent(row, 4)));
        }
        return notes;
    }

    private static String percent(Row row, int index) {
        return row.isNullAt(index) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * row.getDouble(index));
    }
}
