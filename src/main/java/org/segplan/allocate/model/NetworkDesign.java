package org.segplan.allocate.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Capacitated facility location (SCIP): which centers to keep open, paying each open center's fixed cost,
 * under a maximum count and/or a fixed-cost budget, so that shipping + unmet + fixed cost is least. A center
 * ships only if open (capacity x open, and per arc flow &lt;= demand x open, which tightens the relaxation).
 */
public final class NetworkDesign {
    private final double timeLimitSeconds;

    public NetworkDesign(double timeLimitSeconds) {
        this.timeLimitSeconds = timeLimitSeconds;
    }

    /**
     * @param open per center of the problem, whether it is chosen
     * @param objective shipping + unmet + fixed cost of the design problem
     */
    public record Result(SolveStatus status, boolean[] open, double objective, double fixedCost, double gap,
            Optional<Infeasibility> infeasibility) {
        public List<Center> openCenters(List<Center> centers) {
            List<Center> chosen = new ArrayList<>();
            for (int c = 0; c < centers.size(); c++) {
                if (open[c]) {
                    chosen.add(centers.get(c));
                }
            }
            return chosen;
        }
    }

    public Result choose(AllocationProblem problem, OptionalInt maxOpenCenters, OptionalDouble fixedCostBudget) {
        MPSolver solver = OrTools.create(OrTools.MIP_SOLVER);
        try {
            solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            List<Center> centers = problem.centers();
            MPObjective objective = solver.objective();
            MPVariable[] open = new MPVariable[centers.size()];
            MPConstraint[] capacityRows = new MPConstraint[centers.size()];
            MPConstraint count = solver.makeConstraint(0, maxOpenCenters.isPresent() ? maxOpenCenters.getAsInt()
                    : MPSolver.infinity(), "");
            MPConstraint budget = solver.makeConstraint(0, fixedCostBudget.orElse(MPSolver.infinity()), "");
            for (int c = 0; c < centers.size(); c++) {
                open[c] = solver.makeBoolVar("");
                objective.setCoefficient(open[c], centers.get(c).fixedCost());
                count.setCoefficient(open[c], 1);
                budget.setCoefficient(open[c], centers.get(c).fixedCost());
                capacityRows[c] = solver.makeConstraint(-MPSolver.infinity(), 0, "");
                capacityRows[c].setCoefficient(open[c], -centers.get(c).capacityUnits());
            }
            MPConstraint[] demandRows = new MPConstraint[problem.demands().size()];
            for (int d = 0; d < demandRows.length; d++) {
                double units = problem.demands().get(d).units();
                demandRows[d] = solver.makeConstraint(units, units, "");
                if (problem.allowsUnmet()) {
                    MPVariable unmet = solver.makeNumVar(0, units, "");
                    demandRows[d].setCoefficient(unmet, 1);
                    objective.setCoefficient(unmet, problem.unmetPenaltyPerUnit().getAsDouble());
                }
            }
            for (Arc arc : problem.arcs()) {
                double units = problem.demands().get(arc.demand()).units();
                MPVariable flow = solver.makeNumVar(0, units, "");
                demandRows[arc.demand()].setCoefficient(flow, 1);
                capacityRows[arc.center()].setCoefficient(flow, 1);
                objective.setCoefficient(flow, arc.costPerUnit());
                MPConstraint link = solver.makeConstraint(-MPSolver.infinity(), 0, "");
                link.setCoefficient(flow, 1);
                link.setCoefficient(open[arc.center()], -units);
            }
            objective.setMinimization();
            SolveStatus status = OrTools.status(solver.solve());
            boolean[] chosen = new boolean[centers.size()];
            if (status != SolveStatus.OPTIMAL && status != SolveStatus.FEASIBLE) {
                return new Result(status, chosen, Double.NaN, Double.NaN, Double.NaN, Optional.of(new Infeasibility(
                        "network design", List.of(), centers.stream().map(Center::id).toList(), 0,
                        String.format(Locale.ROOT, "no set of centers within the limits (at most %s centers, "
                                + "fixed-cost budget %s) can serve the demand of %.1f units; raise "
                                + "segplan.allocation.network-design.max-open-centers or budget, or set "
                                + "unmet-demand-penalty-per-unit", maxOpenCenters.isPresent()
                                        ? String.valueOf(maxOpenCenters.getAsInt()) : "any",
                                fixedCostBudget.isPresent() ? String.valueOf(fixedCostBudget.getAsDouble()) : "none",
                                problem.totalDemand()))));
            }
            double fixedCost = 0;
            for (int c = 0; c < centers.size(); c++) {
                chosen[c] = open[c].solutionValue() > 0.5;
                fixedCost += chosen[c] ? centers.get(c).fixedCost() : 0;
            }
            return new Result(status, chosen, objective.value(), fixedCost,
                    OrTools.gap(objective.value(), objective.bestBound()), Optional.empty());
        } finally {
            solver.delete();
        }
    }
}
