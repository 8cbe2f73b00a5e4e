package org.segplan.allocate.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Explains an infeasible period. Service: a demand with no center within its maximum lead time, with the lead
 * time it would need. Capacity: the smallest possible shortfall (an LP that minimises undelivered units), the
 * demands left short and the saturated centers that could have served them, so the fix is a number.
 */
final class InfeasibilityDiagnosis {
    private InfeasibilityDiagnosis() {
    }

    /** Demands with units but no permitted center, when every unit must be delivered. */
    static Optional<Infeasibility> unreachableDemands(AllocationProblem problem) {
        if (problem.allowsUnmet()) {
            return Optional.empty();
        }
        boolean[] reachable = new boolean[problem.demands().size()];
        for (Arc arc : problem.arcs()) {
            reachable[arc.demand()] = true;
        }
        List<String> zones = new ArrayList<>();
        List<String> centers = new ArrayList<>();
        StringBuilder needs = new StringBuilder();
        double worstNeeded = 0;
        for (int d = 0; d < reachable.length; d++) {
            Demand demand = problem.demands().get(d);
            if (reachable[d] || demand.units() <= 0) {
                continue;
            }
            int nearest = problem.nearestCenter()[d];
            double needed = problem.costs().leadTimeDays(problem.distanceKm(d, nearest));
            worstNeeded = Math.max(worstNeeded, needed);
            zones.add(demand.label());
            String center = problem.centers().get(nearest).id();
            if (!centers.contains(center)) {
                centers.add(center);
            }
            if (zones.size() <= 5) {
                needs.append(String.format(Locale.ROOT, "%s needs %.2f days from nearest center %s (limit %.2f); ",
                        demand.label(), needed, center, demand.maxLeadTimeDays().orElse(Double.NaN)));
            }
        }
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Infeasibility("service (maximum lead time)", zones, centers, 0,
                needs + String.format(Locale.ROOT, "raise those segments' max_lead_time_days to at least %.2f days, "
                        + "open a center closer to them, or set segplan.allocation.unmet-demand-penalty-per-unit "
                        + "to allow priced unmet demand", worstNeeded)));
    }

    /** The least undelivered demand any allocation can reach, and who is short. */
    static Infeasibility capacity(AllocationProblem problem) {
        MPSolver solver = OrTools.create(OrTools.LP_SOLVER);
        try {
            List<Arc> arcs = problem.arcs();
            MPConstraint[] demandRows = new MPConstraint[problem.demands().size()];
            MPVariable[] shortfall = new MPVariable[demandRows.length];
            MPConstraint[] capacityRows = new MPConstraint[problem.centers().size()];
            MPObjective objective = solver.objective();
            for (int c = 0; c < capacityRows.length; c++) {
                capacityRows[c] = solver.makeConstraint(-MPSolver.infinity(), problem.centers().get(c).capacityUnits(), "");
            }
            for (int d = 0; d < demandRows.length; d++) {
                double units = problem.demands().get(d).units();
                demandRows[d] = solver.makeConstraint(units, units, "");
                shortfall[d] = solver.makeNumVar(0, units, "");
                demandRows[d].setCoefficient(shortfall[d], 1);
                objective.setCoefficient(shortfall[d], 1);
            }
            MPVariable[] flow = new MPVariable[arcs.size()];
            for (int a = 0; a < arcs.size(); a++) {
                flow[a] = solver.makeNumVar(0, MPSolver.infinity(), "");
                demandRows[arcs.get(a).demand()].setCoefficient(flow[a], 1);
                capacityRows[arcs.get(a).center()].setCoefficient(flow[a], 1);
            }
            objective.setMinimization();
            solver.solve();
            double[] load = new double[capacityRows.length];
            for (int a = 0; a < arcs.size(); a++) {
                load[arcs.get(a).center()] += flow[a].solutionValue();
            }
            List<String> zones = new ArrayList<>();
            TreeSet<String> saturated = new TreeSet<>();
            double total = 0;
            for (int d = 0; d < shortfall.length; d++) {
                double missing = shortfall[d].solutionValue();
                if (missing > AllocationSolver.UNITS_EPSILON) {
                    total += missing;
                    zones.add(problem.demands().get(d).label());
                }
            }
            for (Arc arc : arcs) {
                Center center = problem.centers().get(arc.center());
                if (shortfall[arc.demand()].solutionValue() > AllocationSolver.UNITS_EPSILON
                        && load[arc.center()] >= center.capacityUnits() - 1e-6) {
                    saturated.add(center.id());
                }
            }
            if (total <= AllocationSolver.UNITS_EPSILON) {
                return new Infeasibility("single sourcing with capacity", List.of(), List.of(), 0,
                        "split deliveries could meet every demand but no assignment of each zone x segment to one "
                                + "center fits the capacities; set segplan.allocation.single-sourcing = false or "
                                + "add capacity");
            }
            return new Infeasibility("capacity", zones, new ArrayList<>(saturated), total, String.format(Locale.ROOT,
                    "total demand %.1f units against %.1f units of capacity in the period; at least %.1f units "
                            + "cannot be delivered within the service limits: add at least that much capacity at "
                            + "the saturated centers %s, lengthen the short segments' max_lead_time_days so other "
                            + "centers may serve them, or set segplan.allocation.unmet-demand-penalty-per-unit",
                    problem.totalDemand(), problem.totalCapacity(), total, saturated));
        } finally {
            solver.delete();
        }
    }
}
