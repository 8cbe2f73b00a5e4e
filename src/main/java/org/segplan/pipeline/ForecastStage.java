package org.segplan.pipeline;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.segplan.config.ForecastSettings;
import org.segplan.contract.CalendarTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.InventoryTargetsTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentDemandHistoryTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.Errors;
import org.segplan.forecast.Buckets;
import org.segplan.forecast.ForecastJobs;
import org.segplan.forecast.ForecastRows;
import org.segplan.forecast.InventoryPolicy;
import org.segplan.forecast.SegmentDemand;
import org.segplan.forecast.SeriesForecasting;
import org.segplan.forecast.SeriesInputColumns;
import org.segplan.forecast.SeriesOutcome;
import org.segplan.forecast.SeriesTask;

/**
 * Forecasts net demand per segment x category (x region): builds the series, forecasts each in a Spark task
 * (model chosen by rolling-origin backtest), writes the history, forecasts, backtest, accuracy and inventory
 * targets. Reads segment_service_policy for service levels when the classify stage wrote it for the run date.
 */
public final class ForecastStage implements Stage {
    public static final String NAME = "forecast";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        java.util.Optional<StageOutcome> skip = StageRequirements.transactions(context, NAME);
        if (skip.isPresent()) {
            return skip.get();
        }
        LocalDate runDate = context.run().runDate();
        ForecastSettings settings = context.config().forecast();
        Buckets buckets = new Buckets(settings.bucket());
        LocalDate lastFull = buckets.lastFullStart(runDate);
        Dataset<Row> transactions = read(context, ValidatedTables.of(TransactionsTable.NAME), "segplan ingest");
        Dataset<Row> products = read(context, ValidatedTables.of(ProductsTable.NAME), "segplan ingest");
        Dataset<Row> segments = read(context, CustomerSegmentsTable.NAME, "segplan segment");
        Optional<Dataset<Row>> customers = settings.byRegion()
                ? Optional.of(read(context, ValidatedTables.of(CustomersTable.NAME), "segplan ingest")) : Optional.empty();
        List<String> notes = new ArrayList<>();

        Map<LocalDate, double[]> calendar = calendarDays(context, settings, notes);
        InventoryPolicy policy = inventoryPolicy(context, settings, notes);
        Dataset<Row> demand = SegmentDemand.aggregate(transactions, products, segments, customers, settings.bucket(),
                lastFull).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<SeriesOutcome> outcomes = null;
        try {
            Row shares = demand.agg(sum(abs(col(SeriesInputColumns.UNITS))),
                    sum(when(col(SeriesInputColumns.SEGMENT_ID).isNull(), abs(col(SeriesInputColumns.UNITS)))
                            .otherwise(lit(0.0)))).head();
            if (shares.isNullAt(0) || shares.getDouble(0) == 0) {
                throw Errors.noDemandToForecast(runDate.toString(), lastFull.toString());
            }
            notes.add(String.format(Locale.ROOT, "unsegmented demand (no customer id or no segment): %.2f%% of units",
                    100 * shares.getDouble(1) / shares.getDouble(0)));
            SeriesTask task = new SeriesTask(ForecastJobs.engineSettings(settings), buckets, lastFull, true, List.of(),
                    calendar, policy);
            outcomes = SeriesForecasting.forecast(demand, task).persist(StorageLevel.MEMORY_AND_DISK());
            write(context, outcomes, buckets);
            long series = outcomes.count();
            long rowsOut = context.lakehouse().countRunDate(SegmentDemandForecastTable.NAME, runDate);
            notes.add(0, series + " series (" + settings.bucket().label() + "ly, horizon " + settings.horizon()
                    + ", last full bucket " + lastFull + "), models: " + modelCounts(context));
            notes.addAll(segmentAccuracyNotes(context));
            return new StageOutcome(List.of(TableCounts.output(SegmentDemandForecastTable.NAME, series, rowsOut)), notes);
        } finally {
            demand.unpersist();
            if (outcomes != null) {
                outcomes.unpersist();
            }
        }
    }

    private static void write(RunContext context, Dataset<SeriesOutcome> outcomes, Buckets buckets) {
        ForecastRows.Keys keys = ForecastRows.Keys.SEGMENT;
        context.lakehouse().replaceRunDate(SegmentDemandHistoryTable.NAME, SeriesForecasting.rows(outcomes,
                SegmentDemandHistoryTable.SCHEMA, outcome -> ForecastRows.history(outcome, buckets).iterator()), context.run());
        context.lakehouse().replaceRunDate(SegmentDemandForecastTable.NAME, SeriesForecasting.rows(outcomes,
                SegmentDemandForecastTable.SCHEMA, outcome -> ForecastRows.forecasts(outcome, buckets, keys).iterator()),
                context.run());
        Dataset<Row> backtest = SeriesForecasting.rows(outcomes, ForecastBacktestTable.SCHEMA,
                outcome -> ForecastRows.backtest(outcome, buckets, keys).iterator());
        context.lakehouse().replaceRunDate(ForecastBacktestTable.NAME, backtest, context.run());
        Dataset<Row> seriesAccuracy = SeriesForecasting.rows(outcomes, ForecastAccuracyTable.SCHEMA,
                outcome -> List.of(ForecastRows.accuracy(outcome, buckets, keys)).iterator());
        Dataset<Row> storedBacktest = context.lakehouse().readRunDate(ForecastBacktestTable.NAME, context.run().runDate());
        context.lakehouse().replaceRunDate(ForecastAccuracyTable.NAME,
                seriesAccuracy.unionByName(segmentAccuracy(seriesAccuracy, storedBacktest)), context.run());
        context.lakehouse().replaceRunDate(InventoryTargetsTable.NAME, SeriesForecasting.rows(outcomes,
                InventoryTargetsTable.SCHEMA, outcome -> ForecastRows.inventory(outcome).iterator()), context.run());
    }

    /**
     * Segment-level accuracy over all of a segment's series and backtest points: WAPE, bias and coverage pooled
     * over the points, MASE the mean of the series' MASE.
     */
    static Dataset<Row> segmentAccuracy(Dataset<Row> seriesAccuracy, Dataset<Row> backtest) {
        Column error = col(ForecastBacktestTable.FORECAST).minus(col(ForecastBacktestTable.ACTUAL));
        Column baselineError = col(ForecastBacktestTable.BASELINE_FORECAST).minus(col(ForecastBacktestTable.ACTUAL));
        Column actual = abs(col(ForecastBacktestTable.ACTUAL));
        Column inside80 = when(col(ForecastBacktestTable.ACTUAL).between(col(ForecastBacktestTable.LOWER_80),
                col(ForecastBacktestTable.UPPER_80)), lit(1.0)).otherwise(lit(0.0));
        Column inside95 = when(col(ForecastBacktestTable.ACTUAL).between(col(ForecastBacktestTable.LOWER_95),
                col(ForecastBacktestTable.UPPER_95)), lit(1.0)).otherwise(lit(0.0));
        Dataset<Row> points = backtest.groupBy(ForecastAccuracyTable.SEGMENT_ID).agg(
                sum(abs(error)).divide(sum(actual)).as(ForecastAccuracyTable.WAPE),
                sum(error).divide(sum(col(ForecastBacktestTable.ACTUAL))).as(ForecastAccuracyTable.BIAS),
                avg(inside80).as(ForecastAccuracyTable.COVERAGE_80),
                avg(inside95).as(ForecastAccuracyTable.COVERAGE_95),
                sum(abs(baselineError)).divide(sum(actual)).as(ForecastAccuracyTable.BASELINE_WAPE));
        Dataset<Row> series = seriesAccuracy.groupBy(ForecastAccuracyTable.SEGMENT_ID).agg(
                concat_ws(", ", sort_array(collect_list(ForecastAccuracyTable.DEMAND_CLASS))).as(ForecastAccuracyTable.DEMAND_CLASS),
                concat_ws(", ", sort_array(collect_list(ForecastAccuracyTable.MODEL))).as(ForecastAccuracyTable.MODEL),
                count(lit(1)).as("series_count"),
                avg(ForecastAccuracyTable.MASE).as(ForecastAccuracyTable.MASE),
                avg(ForecastAccuracyTable.BASELINE_MASE).as(ForecastAccuracyTable.BASELINE_MASE),
                first(ForecastAccuracyTable.METRIC).as(ForecastAccuracyTable.METRIC),
                max(ForecastAccuracyTable.BACKTEST_FOLDS).as(ForecastAccuracyTable.BACKTEST_FOLDS),
                min(ForecastAccuracyTable.FIRST_ORIGIN).as(ForecastAccuracyTable.FIRST_ORIGIN),
                max(ForecastAccuracyTable.LAST_ORIGIN).as(ForecastAccuracyTable.LAST_ORIGIN),
                max(ForecastAccuracyTable.HISTORY_BUCKETS).as(ForecastAccuracyTable.HISTORY_BUCKETS),
                sum(ForecastAccuracyTable.MEAN_DEMAND).as(ForecastAccuracyTable.MEAN_DEMAND),
                // The distinct baselines: seasonal naive falls back to naive on series shorter than two seasons.
                concat_ws(", ", sort_array(collect_set(ForecastAccuracyTable.BASELINE_MODEL)))
                        .as(ForecastAccuracyTable.BASELINE_MODEL));
        Dataset<Row> joined = series.join(points, series.col(ForecastAccuracyTable.SEGMENT_ID)
                .eqNullSafe(points.col(ForecastAccuracyTable.SEGMENT_ID)), "left")
                .drop(points.col(ForecastAccuracyTable.SEGMENT_ID));
        return joined.select(
                lit(ForecastAccuracyTable.SEGMENT).as(ForecastAccuracyTable.LEVEL),
                col(ForecastAccuracyTable.SEGMENT_ID),
                lit(ForecastAccuracyTable.ALL).as(ForecastAccuracyTable.CATEGORY),
                lit(ForecastAccuracyTable.ALL).as(ForecastAccuracyTable.REGION),
                col(ForecastAccuracyTable.DEMAND_CLASS),
                col(ForecastAccuracyTable.MODEL),
                lit(null).cast("string").as(ForecastAccuracyTable.MODEL_PARAMETERS),
                concat_ws("", lit("pooled over "), col("series_count").cast("string"), lit(" series"))
                        .as(ForecastAccuracyTable.SELECTION_REASON),
                lit(null).cast("string").as(ForecastAccuracyTable.CALENDAR_EFFECTS),
                col(ForecastAccuracyTable.METRIC),
                col(ForecastAccuracyTable.WAPE),
                col(ForecastAccuracyTable.MASE),
                col(ForecastAccuracyTable.BIAS),
                col(ForecastAccuracyTable.COVERAGE_80),
                col(ForecastAccuracyTable.COVERAGE_95),
                col(ForecastAccuracyTable.BACKTEST_FOLDS),
                col(ForecastAccuracyTable.FIRST_ORIGIN),
                col(ForecastAccuracyTable.LAST_ORIGIN),
                col(ForecastAccuracyTable.BASELINE_MODEL),
                col(ForecastAccuracyTable.BASELINE_WAPE),
                col(ForecastAccuracyTable.BASELINE_MASE),
                col(ForecastAccuracyTable.BASELINE_WAPE).minus(col(ForecastAccuracyTable.WAPE))
                        .as(ForecastAccuracyTable.FORECAST_VALUE_ADDED),
                col(ForecastAccuracyTable.HISTORY_BUCKETS),
                col(ForecastAccuracyTable.MEAN_DEMAND));
    }

    private static Map<LocalDate, double[]> calendarDays(RunContext context, ForecastSettings settings,
            List<String> notes) {
        String table = ValidatedTables.of(CalendarTable.NAME);
        Map<LocalDate, double[]> days = new TreeMap<>();
        if (!settings.calendarEffects()) {
            notes.add("calendar effects off (segplan.forecast.calendar-effects = false)");
            return days;
        }
        if (!context.lakehouse().exists(table)) {
            notes.add("no calendar for the run date: holiday and promotion effects not used");
            return days;
        }
        for (Row row : SegmentDemand.calendarDays(context.lakehouse().readRunDate(table, context.run().runDate()),
                settings.bucket()).collectAsList()) {
            days.put(row.getDate(0).toLocalDate(), new double[] {row.getLong(1), row.getLong(2)});
        }
        notes.add(days.isEmpty() ? "no calendar for the run date: holiday and promotion effects not used"
                : "calendar: holiday and promotion days in " + days.size() + " buckets used as regressors");
        return days;
    }

    private static InventoryPolicy inventoryPolicy(RunContext context, ForecastSettings settings, List<String> notes) {
        Map<Integer, Double> levels = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        if (context.lakehouse().exists(SegmentServicePolicyTable.NAME)) {
            for (Row row : context.lakehouse().readRunDate(SegmentServicePolicyTable.NAME, context.run().runDate())
                    .select(SegmentServicePolicyTable.SEGMENT_ID, SegmentServicePolicyTable.TARGET_SERVICE_LEVEL,
                            SegmentServicePolicyTable.POLICY_NAME).collectAsList()) {
                levels.put(row.getInt(0), row.getDouble(1));
                names.put(row.getInt(0), row.getString(2));
            }
        }
        notes.add(levels.isEmpty() ? String.format(Locale.ROOT,
                "no segment_service_policy for the run date: service level %.3f for every segment",
                settings.defaultServiceLevel())
                : "service levels from segment_service_policy: " + new TreeMap<>(levels));
        return new InventoryPolicy(levels, names, settings.defaultServiceLevel(), settings.replenishmentLeadTimeDays(),
                settings.leadTimeByCategory(), settings.bucket().days());
    }

    private static String modelCounts(RunContext context) {
        return context.lakehouse().readRunDate(ForecastAccuracyTable.NAME, context.run().runDate())
                .where(col(ForecastAccuracyTable.LEVEL).equalTo(ForecastAccuracyTable.SERIES))
                .groupBy(ForecastAccuracyTable.MODEL).count().orderBy(ForecastAccuracyTable.MODEL).collectAsList()
                .stream().map(row -> row.getString(0) + " " + row.getLong(1)).toList().toString();
    }

    private static List<String> segmentAccuracyNotes(RunContext context) {
        List<String> notes = new ArrayList<>();
        for (Row row : context.lakehouse().readRunDate(ForecastAccuracyTable.NAME, context.run().runDate())
                .where(col(ForecastAccuracyTable.LEVEL).equalTo(ForecastAccuracyTable.SEGMENT))
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

    private static Dataset<Row> read(RunContext context, String table, String command) {
        if (!context.lakehouse().exists(table)) {
            throw Errors.missingStageInput(NAME, table, context.run().runDate().toString(), command);
        }
        Dataset<Row> rows = context.lakehouse().readRunDate(table, context.run().runDate())
                .drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
        if (rows.isEmpty()) {
            throw Errors.missingStageInput(NAME, table, context.run().runDate().toString(), command);
        }
        return rows;
    }
}
