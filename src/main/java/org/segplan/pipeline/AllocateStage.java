package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.segplan.allocate.DemandZones;
import org.segplan.allocate.PeriodAllocator;
import org.segplan.allocate.SupplyRisk;
import org.segplan.allocate.ZoneDemand;
import org.segplan.allocate.model.AllocationProblem;
import org.segplan.allocate.model.Center;
import org.segplan.allocate.model.CostParameters;
import org.segplan.allocate.model.Demand;
import org.segplan.allocate.model.GreatCircle;
import org.segplan.allocate.model.NetworkDesign;
import org.segplan.allocate.model.Sourcing;
import org.segplan.allocate.model.WeightedKMeans;
import org.segplan.config.AllocationSettings;
import org.segplan.contract.AllocationSummaryTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DcAllocationTable;
import org.segplan.contract.DcCandidateSitesTable;
import org.segplan.contract.DcUtilizationTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.DistributionCentersTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.SupplyRiskTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.UnmetDemandTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.contract.ZoneSegmentDemandTable;
import org.segplan.error.Errors;
import org.segplan.io.Lakehouse;

/**
 * Allocates the forecast demand of every zone x segment to distribution centers at least cost, per period, within
 * capacity and each segment's maximum lead time; compares with the nearest-center rule; measures supply risk.
 * Every period is solved before anything is written: an infeasible period fails the stage with its diagnosis
 * and leaves no allocation rows for the run date.
 */
public final class AllocateStage implements Stage {
    public static final String NAME = "allocate";

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
        AllocationSettings settings = context.config().allocation();
        Lakehouse lakehouse = context.lakehouse();
        java.time.LocalDate runDate = context.run().runDate();
        Dataset<Row> forecast = requireForecast(context);
        Dataset<Row> customers = read(context, ValidatedTables.of(CustomersTable.NAME), "segplan ingest");
        Dataset<Row> transactions = read(context, ValidatedTables.of(TransactionsTable.NAME), "segplan ingest");
        Dataset<Row> products = read(context, ValidatedTables.of(ProductsTable.NAME), "segplan ingest");
        Dataset<Row> segments = read(context, CustomerSegmentsTable.NAME, "segplan segment");
        List<Center> centers = centers(read(context, ValidatedTables.of(DistributionCentersTable.NAME), "segplan ingest"));
        List<String> notes = new ArrayList<>();

        Dataset<Row> policies = null;
        if (lakehouse.countRunDate(SegmentServicePolicyTable.NAME, runDate) > 0) {
            policies = lakehouse.readRunDate(SegmentServicePolicyTable.NAME, runDate);
            notes.add("max lead times from segment_service_policy: " + policies
                    .orderBy(SegmentServicePolicyTable.SEGMENT_ID).collectAsList().stream()
                    .map(row -> row.getAs(SegmentServicePolicyTable.SEGMENT_ID) + ":"
                            + row.getAs(SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS) + "d").toList()
                    + "; other segments " + defaultLeadTime(settings));
        } else {
            notes.add("segment_service_policy absent for " + runDate + ": every segment uses the default maximum "
                    + "lead time (" + defaultLeadTime(settings) + ")");
        }

        Dataset<Row> customerZones = DemandZones.assignCustomers(customers, settings.zones(), settings.gridDegrees())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> zones = DemandZones.zones(customerZones, settings.zones()).persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<?>> cached = new ArrayList<>(List.of(customerZones, zones));
        try {
            long zoneCount = zones.count();
            if (zoneCount == 0) {
                throw Errors.noDemandZones(settings.zones().configName(), customers.count());
            }
            ZoneDemand.Result disaggregated = ZoneDemand.disaggregate(forecast, transactions, products, segments,
                    customerZones, zones);
            Dataset<Row> zoneDemand = ZoneDemand.withMaxLeadTime(disaggregated.zoneDemand(), policies,
                            settings.defaultMaxLeadTimeDays().isPresent()
                                    ? settings.defaultMaxLeadTimeDays().getAsDouble() : null)
                    .select(ZoneSegmentDemandTable.SCHEMA.fieldNames()[0],
                            java.util.Arrays.copyOfRange(ZoneSegmentDemandTable.SCHEMA.fieldNames(), 1,
                                    ZoneSegmentDemandTable.SCHEMA.fieldNames().length))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(zoneDemand);
            notes.add(basisNote(disaggregated.keyBasis()));
            List<Row> unplaced = disaggregated.unplaced().collectAsList();
            if (!unplaced.isEmpty()) {
                notes.add("forecast with no zone in its region, not allocated: " + unplaced.stream()
                        .map(row -> row.get(0) + "/" + row.get(1) + "/" + row.get(2) + " "
                                + String.format(Locale.ROOT, "%.1f", row.getDouble(3))).toList());
            }

            Map<String, Double> periodDays = periodDays(forecast);
            CostParameters costs = new CostParameters(settings.transportCostPerUnitKm(), settings.speedKmPerDay(),
                    settings.handlingDays());
            Dataset<Row> modelInput = zoneDemand.join(zones.select(DemandZonesTable.ZONE_ID, DemandZonesTable.LATITUDE,
                    DemandZonesTable.LONGITUDE), ZoneSegmentDemandTable.ZONE_ID);
            Set<String> open = openCenters(settings, centers, costs, modelInput, periodDays.size(), notes);
            if (settings.networkDesign().candidateSites() > 0) {
                lakehouse.replaceRunDate(DcCandidateSitesTable.NAME,
                        candidateSites(context, settings, centers, zoneDemand, zones, periodDays.size()), context.run());
            }

            PeriodAllocator allocator = new PeriodAllocator(centers, periodDays, open, costs,
                    settings.unmetDemandPenaltyPerUnit().isPresent()
                            ? settings.unmetDemandPenaltyPerUnit().getAsDouble() : null,
                    settings.singleSourcing() ? Sourcing.SINGLE : Sourcing.SPLIT, settings.mipTimeLimitSeconds(),
                    settings.networkDesign().enabled());
            Dataset<Row> results = modelInput.select(PeriodAllocator.INPUT_COLUMNS.stream()
                            .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
                    .groupByKey((MapFunction<Row, Date>) row -> row.getAs(ZoneSegmentDemandTable.PERIOD_START),
                            Encoders.DATE())
                    .flatMapGroups((FlatMapGroupsFunction<Date, Row, Row>) allocator::allocate,
                            Encoders.row(PeriodAllocator.SCHEMA))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(results);
            List<Row> diagnoses = results.where(col(PeriodAllocator.RECORD_TYPE).equalTo(PeriodAllocator.DIAGNOSIS))
                    .orderBy(PeriodAllocator.PERIOD_START).collectAsList();
            if (!diagnoses.isEmpty()) {
                throw Errors.allocationInfeasible(diagnoses.stream().map(row -> "period "
                        + row.getAs(PeriodAllocator.PERIOD_START) + ": " + row.getAs(PeriodAllocator.MESSAGE)).toList());
            }

            Dataset<Row> allocation = allocationRows(results, zones);
            Dataset<Row> summary = summaryRows(results);
            Dataset<Row> utilization = utilizationRows(results);
            lakehouse.replaceRunDate(DemandZonesTable.NAME, zones, context.run());
            lakehouse.replaceRunDate(ZoneSegmentDemandTable.NAME, zoneDemand, context.run());
            lakehouse.replaceRunDate(DcAllocationTable.NAME, allocation, context.run());
            lakehouse.replaceRunDate(UnmetDemandTable.NAME, unmetRows(results, zones), context.run());
            lakehouse.replaceRunDate(DcUtilizationTable.NAME, utilization, context.run());
            lakehouse.replaceRunDate(AllocationSummaryTable.NAME, summary, context.run());
            lakehouse.replaceRunDate(SupplyRiskTable.NAME, SupplyRisk.compute(
                    lakehouse.readRunDate(DcAllocationTable.NAME, runDate), zoneDemand, zones, transactions, segments),
                    context.run());
            long demandRows = zoneDemand.count();
            notes.add(totalsNote(summary, zoneCount, demandRows, periodDays, settings));
            return new StageOutcome(List.of(
                    TableCounts.output(DemandZonesTable.NAME, customerZones.count(), zoneCount),
                    TableCounts.output(DcAllocationTable.NAME, demandRows,
                            lakehouse.countRunDate(DcAllocationTable.NAME, runDate)),
                    TableCounts.output(AllocationSummaryTable.NAME, periodDays.size(),
                            lakehouse.countRunDate(AllocationSummaryTable.NAME, runDate))), notes);
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    private static Dataset<Row> requireForecast(RunContext context) {
        if (context.lakehouse().countRunDate(SegmentDemandForecastTable.NAME, context.run().runDate()) == 0) {
            throw Errors.missingStageInput(NAME, SegmentDemandForecastTable.NAME, context.run().runDate().toString(),
                    "segplan forecast");
        }
        return context.lakehouse().readRunDate(SegmentDemandForecastTable.NAME, context.run().runDate());
    }

    private static Dataset<Row> read(RunContext context, String table, String command) {
        if (!context.lakehouse().exists(table)) {
            throw Errors.missingStageInput(NAME, table, context.run().runDate().toString(), command);
        }
        return context.lakehouse().readRunDate(table, context.run().runDate())
                .drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
    }

    private static String defaultLeadTime(AllocationSettings settings) {
        return settings.defaultMaxLeadTimeDays().isPresent()
                ? settings.defaultMaxLeadTimeDays().getAsDouble() + " days" : "none: unconstrained";
    }

    /** Weekly capacity and fixed cost as loaded; missing costs are zero. A small collect: centers are few. */
    private static List<Center> centers(Dataset<Row> rows) {
        List<Center> centers = new ArrayList<>();
        for (Row row : rows.orderBy(DistributionCentersTable.DC_ID).collectAsList()) {
            Double fixed = row.getAs(DistributionCentersTable.FIXED_COST);
            Double handling = row.getAs(DistributionCentersTable.HANDLING_COST_PER_UNIT);
            centers.add(new Center(row.getAs(DistributionCentersTable.DC_ID), row.getAs(DistributionCentersTable.LATITUDE),
                    row.getAs(DistributionCentersTable.LONGITUDE), row.getAs(DistributionCentersTable.WEEKLY_CAPACITY_UNITS),
                    handling == null ? 0 : handling, fixed == null ? 0 : fixed));
        }
        if (centers.isEmpty()) {
            throw Errors.noDistributionCenters();
        }
        return centers;
    }

    /**
     * Days in each period: up to the next period's start; the last period is as long as the one before it
     * (a single period is a week).
     */
    static Map<String, Double> periodDays(Dataset<Row> forecast) {
        List<java.time.LocalDate> starts = forecast.select(SegmentDemandForecastTable.PERIOD_START).distinct()
                .orderBy(SegmentDemandForecastTable.PERIOD_START).collectAsList().stream()
                .map(row -> row.getDate(0).toLocalDate()).toList();
        Map<String, Double> days = new TreeMap<>();
        for (int index = 0; index < starts.size(); index++) {
            double length = index + 1 < starts.size() ? ChronoUnit.DAYS.between(starts.get(index), starts.get(index + 1))
                    : index > 0 ? ChronoUnit.DAYS.between(starts.get(index - 1), starts.get(index)) : 7;
            days.put(starts.get(index).toString(), length);
        }
        return days;
    }

    /** Every center, or those a facility-location MIP on the mean period demand keeps open. */
    private static Set<String> openCenters(AllocationSettings settings, List<Center> centers, CostParameters costs,
            Dataset<Row> modelInput, int periods, List<String> notes) {
        Set<String> all = new HashSet<>(centers.stream().map(Center::id).toList());
        if (!settings.networkDesign().enabled()) {
            return all;
        }
        List<Row> mean = modelInput.groupBy(col(ZoneSegmentDemandTable.ZONE_ID), col(ZoneSegmentDemandTable.SEGMENT_ID),
                        col(ZoneSegmentDemandTable.MAX_LEAD_TIME_DAYS), col(DemandZonesTable.LATITUDE),
                        col(DemandZonesTable.LONGITUDE))
                .agg(sum(ZoneSegmentDemandTable.DEMAND_UNITS).divide(lit(periods)).as("mean_units"))
                .orderBy(ZoneSegmentDemandTable.ZONE_ID, ZoneSegmentDemandTable.SEGMENT_ID).collectAsList();
        List<Demand> demands = mean.stream().map(row -> new Demand(row.getString(0),
                row.isNullAt(1) ? null : row.getInt(1), row.getDouble(3), row.getDouble(4), row.getDouble(5),
                row.isNullAt(2) ? OptionalDouble.empty() : OptionalDouble.of(row.getDouble(2)))).toList();
        AllocationProblem problem = AllocationProblem.of(demands, centers, costs, settings.unmetDemandPenaltyPerUnit(),
                Sourcing.SPLIT);
        NetworkDesign.Result design = new NetworkDesign(settings.mipTimeLimitSeconds()).choose(problem,
                settings.networkDesign().maxOpenCenters(), settings.networkDesign().budget());
        if (design.infeasibility().isPresent()) {
            throw Errors.networkDesignInfeasible(design.infeasibility().get().describe());
        }
        List<String> chosen = design.openCenters(centers).stream().map(Center::id).toList();
        notes.add(String.format(Locale.ROOT, "network design (SCIP, %s, gap %.4f) keeps %d of %d centers open: %s; "
                        + "fixed cost %.1f per week, weekly objective %.1f", design.status(), design.gap(),
                chosen.size(), centers.size(), chosen, design.fixedCost(), design.objective()));
        return new HashSet<>(chosen);
    }

    private static Dataset<Row> candidateSites(RunContext context, AllocationSettings settings, List<Center> centers,
            Dataset<Row> zoneDemand, Dataset<Row> zones, int periods) {
        List<Row> zoneTotals = zoneDemand.groupBy(ZoneSegmentDemandTable.ZONE_ID)
                .agg(sum(ZoneSegmentDemandTable.DEMAND_UNITS).divide(lit(periods)).as("units"))
                .join(zones, DemandZonesTable.ZONE_ID)
                .orderBy(DemandZonesTable.ZONE_ID)
                .select(DemandZonesTable.LATITUDE, DemandZonesTable.LONGITUDE, "units").collectAsList();
        List<WeightedKMeans.Point> points = zoneTotals.stream()
                .map(row -> new WeightedKMeans.Point(row.getDouble(0), row.getDouble(1), row.getDouble(2))).toList();
        List<Row> rows = new ArrayList<>();
        int number = 1;
        for (WeightedKMeans.Site site : WeightedKMeans.cluster(points, settings.networkDesign().candidateSites(), 100)) {
            Center nearest = centers.get(0);
            double nearestKm = Double.POSITIVE_INFINITY;
            for (Center center : centers) {
                double km = GreatCircle.distanceKm(site.latitude(), site.longitude(), center.latitude(), center.longitude());
                if (km < nearestKm) {
                    nearestKm = km;
                    nearest = center;
                }
            }
            rows.add(RowFactory.create(String.format(Locale.ROOT, "SITE%02d", number++), site.latitude(),
                    site.longitude(), site.demandUnits(), site.zones(), nearest.id(), nearestKm));
        }
        return context.spark().createDataFrame(rows, DcCandidateSitesTable.SCHEMA);
    }

    private static Dataset<Row> allocationRows(Dataset<Row> results, Dataset<Row> zones) {
        return results.where(col(PeriodAllocator.RECORD_TYPE).equalTo(PeriodAllocator.FLOW))
                .join(zones.select(DemandZonesTable.ZONE_ID, DemandZonesTable.ZONE_NAME), DcAllocationTable.ZONE_ID)
                .select(col(DcAllocationTable.ZONE_ID), col(DcAllocationTable.ZONE_NAME), col(DcAllocationTable.SEGMENT_ID),
                        col(DcAllocationTable.DC_ID), col(DcAllocationTable.PERIOD_START), col(DcAllocationTable.UNITS),
                        col(PeriodAllocator.UNITS).divide(col(PeriodAllocator.DEMAND_UNITS))
                                .as(DcAllocationTable.SHARE_OF_ZONE_DEMAND),
                        col(DcAllocationTable.COST), col(DcAllocationTable.LEAD_TIME_DAYS), col(DcAllocationTable.DISTANCE_KM));
    }

    private static Dataset<Row> unmetRows(Dataset<Row> results, Dataset<Row> zones) {
        return results.where(col(PeriodAllocator.RECORD_TYPE).equalTo(PeriodAllocator.UNMET))
                .join(zones.select(DemandZonesTable.ZONE_ID, DemandZonesTable.ZONE_NAME), UnmetDemandTable.ZONE_ID)
                .select(col(UnmetDemandTable.ZONE_ID), col(UnmetDemandTable.ZONE_NAME), col(UnmetDemandTable.SEGMENT_ID),
                        col(UnmetDemandTable.PERIOD_START), col(UnmetDemandTable.DEMAND_UNITS),
                        col(PeriodAllocator.UNITS).as(UnmetDemandTable.UNMET_UNITS), col(UnmetDemandTable.UNMET_COST));
    }

    private static Dataset<Row> utilizationRows(Dataset<Row> results) {
        return results.where(col(PeriodAllocator.RECORD_TYPE).equalTo(PeriodAllocator.CENTER))
                .select(col(DcUtilizationTable.DC_ID), col(DcUtilizationTable.PERIOD_START),
                        col(PeriodAllocator.UNITS).as(DcUtilizationTable.LOAD_UNITS), col(DcUtilizationTable.CAPACITY_UNITS),
                        when(col(PeriodAllocator.CAPACITY_UNITS).gt(0),
                                col(PeriodAllocator.UNITS).divide(col(PeriodAllocator.CAPACITY_UNITS))).otherwise(0.0)
                                .as(DcUtilizationTable.UTILIZATION),
                        col(DcUtilizationTable.IS_OPEN));
    }

    private static Dataset<Row> summaryRows(Dataset<Row> results) {
        return results.where(col(PeriodAllocator.RECORD_TYPE).equalTo(PeriodAllocator.SUMMARY))
                .select(col(AllocationSummaryTable.PERIOD_START), col(AllocationSummaryTable.OBJECTIVE),
                        col(AllocationSummaryTable.SOLVER), col(AllocationSummaryTable.SOLVER_STATUS),
                        col(AllocationSummaryTable.OPTIMALITY_GAP), col(AllocationSummaryTable.GREEDY_COST),
                        col(PeriodAllocator.GREEDY_COST).minus(col(PeriodAllocator.OBJECTIVE)).as(AllocationSummaryTable.SAVINGS),
                        when(col(PeriodAllocator.GREEDY_COST).gt(0), col(PeriodAllocator.GREEDY_COST)
                                .minus(col(PeriodAllocator.OBJECTIVE)).divide(col(PeriodAllocator.GREEDY_COST)))
                                .as(AllocationSummaryTable.SAVINGS_SHARE),
                        col(PeriodAllocator.UNITS).as(AllocationSummaryTable.UNMET_UNITS),
                        col(AllocationSummaryTable.UNMET_COST), col(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES),
                        col(AllocationSummaryTable.GREEDY_SERVICE_BREACHES), col(AllocationSummaryTable.FIXED_COST),
                        col(AllocationSummaryTable.DEMAND_UNITS));
    }

    private static String basisNote(Dataset<Row> keyBasis) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keyBasis.groupBy(ZoneDemand.BASIS).count().orderBy(ZoneDemand.BASIS).collectAsList()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return "forecast keys (segment x category x region) spread over zones by " + counts;
    }

    private static String totalsNote(Dataset<Row> summary, long zones, long demands, Map<String, Double> periodDays,
            AllocationSettings settings) {
        Row totals = summary.agg(sum(AllocationSummaryTable.DEMAND_UNITS), sum(AllocationSummaryTable.OBJECTIVE),
                sum(AllocationSummaryTable.GREEDY_COST), sum(AllocationSummaryTable.UNMET_UNITS),
                sum(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES),
                org.apache.spark.sql.functions.max(AllocationSummaryTable.OPTIMALITY_GAP)).head();
        double objective = totals.getDouble(1);
        double greedy = totals.getDouble(2);
        return String.format(Locale.ROOT, "%d zones (%s), %d zone x segment x period demands over %d periods, "
                        + "%.1f units; optimum %.1f vs nearest-center %.1f (saving %.1f, %.1f%%), unmet %.1f units, "
                        + "greedy capacity breaches %d, largest gap %.4f (%s)", zones, settings.zones().configName(),
                demands, periodDays.size(), totals.getDouble(0), objective, greedy, greedy - objective,
                greedy > 0 ? 100 * (greedy - objective) / greedy : 0, totals.getDouble(3), totals.getLong(4),
                totals.getDouble(5), settings.singleSourcing() ? "SCIP, single sourcing" : "GLOP");
    }
}
