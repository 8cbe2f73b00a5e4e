package org.segplan.allocate;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.Serializable;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.segplan.allocate.model.AllocationProblem;
import org.segplan.allocate.model.AllocationSolution;
import org.segplan.allocate.model.AllocationSolver;
import org.segplan.allocate.model.Center;
import org.segplan.allocate.model.CostParameters;
import org.segplan.allocate.model.Demand;
import org.segplan.allocate.model.Flow;
import org.segplan.allocate.model.GreedyBaseline;
import org.segplan.allocate.model.Sourcing;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.ZoneSegmentDemandTable;

/**
 * Solves one period inside a Spark task ({@code groupByKey(period).flatMapGroups}), so periods run in parallel
 * on executors (OR-Tools loads its natives there too). Emits one row layout for everything a period produces,
 * told apart by {@link #RECORD_TYPE}: flows, unmet demand, center loads, the period summary, or a diagnosis
 * when the period is infeasible (then nothing else, so an infeasible period never leaves partial rows).
 *
 * @param weeklyCenters every center with weekly capacity and fixed cost, sorted by id; only
 *     {@code openCenterIds} may ship
 * @param periodDays length of each period (by its ISO start date), to scale weekly capacity and fixed cost
 * @param unmetPenaltyPerUnit null: demand must be met
 * @param chargeFixedCost whether open centers' fixed cost is part of the plan (network design)
 */
public record PeriodAllocator(List<Center> weeklyCenters, Map<String, Double> periodDays, Set<String> openCenterIds,
        CostParameters costs,
        Double unmetPenaltyPerUnit, Sourcing sourcing, double mipTimeLimitSeconds, boolean chargeFixedCost)
        implements Serializable {
    public static final String RECORD_TYPE = "record_type";
    public static final String FLOW = "flow";
    public static final String UNMET = "unmet";
    public static final String CENTER = "center";
    public static final String SUMMARY = "summary";
    public static final String DIAGNOSIS = "diagnosis";

    public static final String PERIOD_START = "period_start";
    public static final String ZONE_ID = "zone_id";
    public static final String SEGMENT_ID = "segment_id";
    public static final String DC_ID = "dc_id";
    public static final String UNITS = "units";
    public static final String DEMAND_UNITS = "demand_units";
    public static final String COST = "cost";
    public static final String LEAD_TIME_DAYS = "lead_time_days";
    public static final String DISTANCE_KM = "distance_km";
    public static final String CAPACITY_UNITS = "capacity_units";
    public static final String IS_OPEN = "is_open";
    public static final String OBJECTIVE = "objective";
    public static final String SOLVER = "solver";
    public static final String SOLVER_STATUS = "solver_status";
    public static final String OPTIMALITY_GAP = "optimality_gap";
    public static final String GREEDY_COST = "greedy_cost";
    public static final String GREEDY_CAPACITY_BREACHES = "greedy_capacity_breaches";
    public static final String GREEDY_SERVICE_BREACHES = "greedy_service_breaches";
    public static final String UNMET_COST = "unmet_cost";
    public static final String FIXED_COST = "fixed_cost";
    public static final String MESSAGE = "message";

    public static final StructType SCHEMA = new StructType()
            .add(RECORD_TYPE, StringType, false)
            .add(PERIOD_START, DateType, false)
            .add(ZONE_ID, StringType, true)
            .add(SEGMENT_ID, IntegerType, true)
            .add(DC_ID, StringType, true)
            .add(UNITS, DoubleType, true)
            .add(DEMAND_UNITS, DoubleType, true)
            .add(COST, DoubleType, true)
            .add(LEAD_TIME_DAYS, DoubleType, true)
            .add(DISTANCE_KM, DoubleType, true)
            .add(CAPACITY_UNITS, DoubleType, true)
            .add(IS_OPEN, org.apache.spark.sql.types.DataTypes.BooleanType, true)
            .add(OBJECTIVE, DoubleType, true)
            .add(SOLVER, StringType, true)
            .add(SOLVER_STATUS, StringType, true)
            .add(OPTIMALITY_GAP, DoubleType, true)
            .add(GREEDY_COST, DoubleType, true)
            .add(GREEDY_CAPACITY_BREACHES, IntegerType, true)
            .add(GREEDY_SERVICE_BREACHES, IntegerType, true)
            .add(UNMET_COST, DoubleType, true)
            .add(FIXED_COST, DoubleType, true)
            .add(MESSAGE, StringType, true);

    public PeriodAllocator {
        weeklyCenters = List.copyOf(requireNonNull(weeklyCenters, "weeklyCenters is null"));
        periodDays = Map.copyOf(requireNonNull(periodDays, "periodDays is null"));
        openCenterIds = Set.copyOf(requireNonNull(openCenterIds, "openCenterIds is null"));
        requireNonNull(costs, "costs is null");
        requireNonNull(sourcing, "sourcing is null");
    }

    /** The columns the input rows must have: zone demand with the zone's location and the service limit. */
    public static final List<String> INPUT_COLUMNS = List.of(ZoneSegmentDemandTable.ZONE_ID,
            ZoneSegmentDemandTable.SEGMENT_ID, ZoneSegmentDemandTable.PERIOD_START,
            ZoneSegmentDemandTable.DEMAND_UNITS, ZoneSegmentDemandTable.MAX_LEAD_TIME_DAYS,
            DemandZonesTable.LATITUDE, DemandZonesTable.LONGITUDE);

    public Iterator<Row> allocate(Date period, Iterator<Row> rows) {
        List<Demand> demands = demands(rows);
        double scale = periodDays.getOrDefault(period.toString(), 7.0) / 7.0;
        List<Center> centers = weeklyCenters.stream().map(center -> new Center(center.id(), center.latitude(),
                center.longitude(), center.capacityUnits() * scale, center.handlingCostPerUnit(),
                center.fixedCost() * scale)).toList();
        List<Center> open = centers.stream().filter(center -> openCenterIds.contains(center.id())).toList();
        AllocationProblem problem = AllocationProblem.of(demands, open, costs,
                unmetPenaltyPerUnit == null ? OptionalDouble.empty() : OptionalDouble.of(unmetPenaltyPerUnit), sourcing);
        AllocationSolution solution = new AllocationSolver(mipTimeLimitSeconds).solve(problem);
        List<Row> out = new ArrayList<>();
        if (!solution.hasSolution()) {
            String message = solution.infeasibility().map(why -> why.describe())
                    .orElse("the solver stopped without a solution (" + solution.status() + ")");
            out.add(row(DIAGNOSIS, period, null, null, null, null, problem.totalDemand(), null, null, null, null, null,
                    null, solution.solver(), solution.status().name(), null, null, null, null, null, null, message));
            return out.iterator();
        }
        GreedyBaseline greedy = GreedyBaseline.of(problem);
        double[] load = new double[open.size()];
        for (Flow flow : solution.flows()) {
            Demand demand = demands.get(flow.demand());
            load[flow.center()] += flow.units();
            out.add(row(FLOW, period, demand.zoneId(), demand.segmentId(), open.get(flow.center()).id(), flow.units(),
                    demand.units(), flow.cost(), flow.leadTimeDays(), flow.distanceKm(), null, null, null, null, null,
                    null, null, null, null, null, null, null));
        }
        double penalty = unmetPenaltyPerUnit == null ? 0 : unmetPenaltyPerUnit;
        for (int d = 0; d < demands.size(); d++) {
            if (solution.unmetUnits()[d] > 0) {
                Demand demand = demands.get(d);
                out.add(row(UNMET, period, demand.zoneId(), demand.segmentId(), null, solution.unmetUnits()[d],
                        demand.units(), null, null, null, null, null, null, null, null, null, null, null, null,
                        solution.unmetUnits()[d] * penalty, null, null));
            }
        }
        double fixedCost = 0;
        for (Center center : centers) {
            int index = open.indexOf(center);
            boolean isOpen = index >= 0;
            fixedCost += isOpen && chargeFixedCost ? center.fixedCost() : 0;
            out.add(row(CENTER, period, null, null, center.id(), isOpen ? load[index] : 0.0, null, null, null, null,
                    center.capacityUnits(), isOpen, null, null, null, null, null, null, null, null, null, null));
        }
        out.add(row(SUMMARY, period, null, null, null, solution.totalUnmetUnits(), problem.totalDemand(), null, null,
                null, null, null, solution.objective(), solution.solver(), solution.status().name(),
                solution.optimalityGap(), greedy.cost(), greedy.capacityBreaches(), greedy.serviceBreaches(),
                solution.unmetCost(), fixedCost, null));
        return out.iterator();
    }

    /** In a fixed order (zone, then segment) so that the same input always gives the same model and solution. */
    private static List<Demand> demands(Iterator<Row> rows) {
        List<Row> sorted = new ArrayList<>();
        rows.forEachRemaining(sorted::add);
        sorted.sort(Comparator.comparing((Row row) -> row.<String>getAs(ZoneSegmentDemandTable.ZONE_ID))
                .thenComparing(row -> row.isNullAt(row.fieldIndex(ZoneSegmentDemandTable.SEGMENT_ID)) ? Integer.MIN_VALUE
                        : row.<Integer>getAs(ZoneSegmentDemandTable.SEGMENT_ID)));
        List<Demand> demands = new ArrayList<>(sorted.size());
        for (Row row : sorted) {
            Object limit = row.getAs(ZoneSegmentDemandTable.MAX_LEAD_TIME_DAYS);
            demands.add(new Demand(row.getAs(ZoneSegmentDemandTable.ZONE_ID), row.getAs(ZoneSegmentDemandTable.SEGMENT_ID),
                    row.<Double>getAs(DemandZonesTable.LATITUDE), row.<Double>getAs(DemandZonesTable.LONGITUDE),
                    Math.max(0, row.<Double>getAs(ZoneSegmentDemandTable.DEMAND_UNITS)),
                    limit == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) limit).doubleValue())));
        }
        return demands;
    }

    private static Row row(Object... values) {
        return RowFactory.create(values);
    }
}
