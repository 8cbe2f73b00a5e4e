package org.segplan.allocate;

import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.segplan.allocate.model.Center;
import org.segplan.allocate.model.Sourcing;
import org.segplan.contract.AllocationSummaryTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ZoneSegmentDemandTable;
import org.segplan.error.Errors;

/**
 * The allocation as one function of its input frames: demand zones, zone demand, one OR-Tools model per period
 * (solved in Spark tasks), the nearest-center comparison and supply risk. Every period is solved before anything
 * is returned: an infeasible period fails with its diagnosis ({@code ALLOCATION_INFEASIBLE}), so a caller that
 * writes the result never writes partial rows.
 */
public final class AllocationPlan {
    private AllocationPlan() {
    }

    /**
     * @param runDate named in the notes
     * @return the output frames, which read cached solver results: close the result once they are written
     */
    public static AllocationResult compute(AllocationInputs inputs, PlanSettings settings, LocalDate runDate) {
        List<Center> centers = CenterNetwork.centers(inputs.centers());
        List<String> notes = new ArrayList<>();
        notes.add(leadTimeNote(inputs.policies(), settings, runDate));
        List<Dataset<?>> cached = new ArrayList<>();
        try {
            return compute(inputs, settings, centers, notes, cached);
        } catch (RuntimeException failure) {
            cached.forEach(Dataset::unpersist);
            throw failure;
        }
    }

    private static AllocationResult compute(AllocationInputs inputs, PlanSettings settings, List<Center> centers,
            List<String> notes, List<Dataset<?>> cached) {
        Dataset<Row> customerZones = cache(DemandZones.assignCustomers(inputs.customers(), settings.zones(),
                settings.gridDegrees()), cached);
        Dataset<Row> zones = cache(DemandZones.zones(customerZones, settings.zones()), cached);
        long zoneCount = zones.count();
        if (zoneCount == 0) {
            throw Errors.noDemandZones(settings.zones().configName(), inputs.customers().count());
        }
        ZoneDemand.Result disaggregated = ZoneDemand.disaggregate(inputs.forecast(), inputs.transactions(),
                inputs.products(), inputs.segments(), customerZones, zones);
        Dataset<Row> zoneDemand = cache(ZoneDemand.withMaxLeadTime(disaggregated.zoneDemand(),
                        inputs.policies().orElse(null), boxed(settings.defaultMaxLeadTimeDays()))
                .select(columns(ZoneSegmentDemandTable.SCHEMA.fieldNames())), cached);
        notes.add(basisNote(disaggregated.keyBasis()));
        unplacedNote(disaggregated.unplaced()).ifPresent(notes::add);

        Map<String, Double> periodDays = PeriodLengths.of(inputs.forecast());
        Dataset<Row> modelInput = zoneDemand.join(zones.select(DemandZonesTable.ZONE_ID, DemandZonesTable.LATITUDE,
                DemandZonesTable.LONGITUDE), ZoneSegmentDemandTable.ZONE_ID);
        CenterNetwork.Opening opening = CenterNetwork.open(settings, centers, modelInput, periodDays.size());
        opening.note().ifPresent(notes::add);
        Optional<Dataset<Row>> candidateSites = settings.networkDesign().candidateSites() > 0
                ? Optional.of(CenterNetwork.candidateSites(settings.networkDesign().candidateSites(), centers,
                        zoneDemand, zones, periodDays.size()))
                : Optional.empty();

        PeriodAllocator allocator = new PeriodAllocator(centers, periodDays, opening.centerIds(), settings.costs(),
                boxed(settings.unmetDemandPenaltyPerUnit()), settings.sourcing(), settings.mipTimeLimitSeconds(),
                settings.networkDesign().enabled());
        Dataset<Row> results = cache(modelInput.select(columns(PeriodAllocator.INPUT_COLUMNS.toArray(String[]::new)))
                .groupByKey((MapFunction<Row, Date>) row -> row.getAs(ZoneSegmentDemandTable.PERIOD_START),
                        Encoders.DATE())
                .flatMapGroups((FlatMapGroupsFunction<Date, Row, Row>) allocator::allocate,
                        Encoders.row(PeriodAllocator.SCHEMA)), cached);
        List<String> diagnoses = SolverRows.diagnoses(results);
        if (!diagnoses.isEmpty()) {
            throw Errors.allocationInfeasible(diagnoses);
        }

        Dataset<Row> allocation = SolverRows.allocation(results, zones);
        Dataset<Row> summary = SolverRows.summary(results);
        long demandCount = zoneDemand.count();
        notes.add(totalsNote(summary, zoneCount, demandCount, periodDays.size(), settings));
        return new AllocationResult(zones, zoneDemand, allocation, SolverRows.unmet(results, zones),
                SolverRows.utilization(results), summary,
                SupplyRisk.compute(allocation, zoneDemand, zones, inputs.transactions(), inputs.segments()),
                candidateSites, notes, customerZones.count(), zoneCount, demandCount, periodDays.size(), cached);
    }

    private static String leadTimeNote(Optional<Dataset<Row>> policies, PlanSettings settings, LocalDate runDate) {
        if (policies.isEmpty()) {
            return "segment_service_policy absent for " + runDate + ": every segment uses the default maximum "
                    + "lead time (" + defaultLeadTime(settings) + ")";
        }
        return "max lead times from segment_service_policy: " + policies.get()
                .orderBy(SegmentServicePolicyTable.SEGMENT_ID).collectAsList().stream()
                .map(row -> row.getAs(SegmentServicePolicyTable.SEGMENT_ID) + ":"
                        + row.getAs(SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS) + "d").toList()
                + "; other segments " + defaultLeadTime(settings);
    }

    private static String defaultLeadTime(PlanSettings settings) {
        return settings.defaultMaxLeadTimeDays().isPresent()
                ? settings.defaultMaxLeadTimeDays().getAsDouble() + " days" : "none: unconstrained";
    }

    private static String basisNote(Dataset<Row> keyBasis) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keyBasis.groupBy(ZoneDemand.BASIS).count().orderBy(ZoneDemand.BASIS).collectAsList()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return "forecast keys (segment x category x region) spread over zones by " + counts;
    }

    private static Optional<String> unplacedNote(Dataset<Row> unplaced) {
        List<Row> rows = unplaced.collectAsList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("forecast with no zone in its region, not allocated: " + rows.stream()
                .map(row -> row.get(0) + "/" + row.get(1) + "/" + row.get(2) + " "
                        + String.format(Locale.ROOT, "%.1f", row.getDouble(3))).toList());
    }

    private static String totalsNote(Dataset<Row> summary, long zones, long demands, int periods,
            PlanSettings settings) {
        Row totals = summary.agg(sum(AllocationSummaryTable.DEMAND_UNITS), sum(AllocationSummaryTable.OBJECTIVE),
                sum(AllocationSummaryTable.GREEDY_COST), sum(AllocationSummaryTable.UNMET_UNITS),
                sum(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES),
                max(AllocationSummaryTable.OPTIMALITY_GAP)).head();
        double objective = totals.getDouble(1);
        double greedy = totals.getDouble(2);
        return String.format(Locale.ROOT, "%d zones (%s), %d zone x segment x period demands over %d periods, "
                        + "%.1f units; optimum %.1f vs nearest-center %.1f (saving %.1f, %.1f%%), unmet %.1f units, "
                        + "greedy capacity breaches %d, largest gap %.4f (%s)", zones, settings.zones().configName(),
                demands, periods, totals.getDouble(0), objective, greedy, greedy - objective,
                greedy > 0 ? 100 * (greedy - objective) / greedy : 0, totals.getDouble(3), totals.getLong(4),
                totals.getDouble(5), settings.sourcing() == Sourcing.SINGLE ? "SCIP, single sourcing" : "GLOP");
    }

    private static Dataset<Row> cache(Dataset<Row> frame, List<Dataset<?>> cached) {
        Dataset<Row> persisted = frame.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(persisted);
        return persisted;
    }

    private static Column[] columns(String[] names) {
        return Arrays.stream(names).map(functions::col).toArray(Column[]::new);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
