package org.segplan.allocate.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Minimum-cost allocation of one period: GLOP for split sourcing (an LP), SCIP when every zone x segment must be
 * served by one center (a MIP). Minimises shipping cost plus priced unmet demand, subject to demand (met, or met
 * with unmet slack), each center's capacity, and the service rule (built into the arcs). Infeasible periods come
 * back with a diagnosis instead of flows.
 */
public final class AllocationSolver {
    /** Flows below this are solver noise, not shipments. */
    static final double UNITS_EPSILON = 1e-7;
    private final double mipTimeLimitSeconds;

    public AllocationSolver(double mipTimeLimitSeconds) {
        if (!(mipTimeLimitSeconds > 0)) {
            throw new IllegalArgumentException("MIP time limit must be > 0 seconds");
        }
        this.mipTimeLimitSeconds = mipTimeLimitSeconds;
    }

    public AllocationSolution solve(AllocationProblem problem) {
        Optional<Infeasibility> unreachable = InfeasibilityDiagnosis.unreachableDemands(problem);
        if (unreachable.isPresent()) {
            return infeasible(problem, solverName(problem), unreachable.get());
        }
        return problem.sourcing() == Sourcing.SPLIT ? solveSplit(problem) : solveSingle(problem);
    }

    private static String solverName(AllocationProblem problem) {
        return problem.sourcing() == Sourcing.SPLIT ? OrTools.LP_SOLVER : OrTools.MIP_SOLVER;
    }

    private AllocationSolution solveSplit(AllocationProblem problem) {
        MPSolver solver = OrTools.create(OrTools.LP_SOLVER);
        try {
            List<Arc> arcs = problem.arcs();
            MPVariable[] flow = new MPVariable[arcs.size()];
            MPVariable[] unmet = new MPVariable[problem.demands().size()];
            MPConstraint[] demandRows = new MPConstraint[problem.demands().size()];
            MPConstraint[] capacityRows = capacityRows(solver, problem);
            MPObjective objective = solver.objective();
            for (int d = 0; d < problem.demands().size(); d++) {
                double units = problem.demands().get(d).units();
                demandRows[d] = solver.makeConstraint(units, units, "");
                if (problem.allowsUnmet()) {
                    unmet[d] = solver.makeNumVar(0, units, "");
                    demandRows[d].setCoefficient(unmet[d], 1);
                    objective.setCoefficient(unmet[d], problem.unmetPenaltyPerUnit().getAsDouble());
                }
            }
            for (int a = 0; a < arcs.size(); a++) {
                Arc arc = arcs.get(a);
                flow[a] = solver.makeNumVar(0, MPSolver.infinity(), "");
                demandRows[arc.demand()].setCoefficient(flow[a], 1);
                capacityRows[arc.center()].setCoefficient(flow[a], 1);
                objective.setCoefficient(flow[a], arc.costPerUnit());
            }
            objective.setMinimization();
            SolveStatus status = OrTools.status(solver.solve());
            if (status == SolveStatus.INFEASIBLE) {
                return infeasible(problem, OrTools.LP_SOLVER, InfeasibilityDiagnosis.capacity(problem));
            }
            if (status != SolveStatus.OPTIMAL) {
                return notSolved(problem, OrTools.LP_SOLVER);
            }
            double[] arcUnits = new double[arcs.size()];
            for (int a = 0; a < arcs.size(); a++) {
                arcUnits[a] = flow[a].solutionValue();
            }
            return solution(problem, OrTools.LP_SOLVER, status, arcUnits, 0);
        } finally {
            solver.delete();
        }
    }

    private AllocationSolution solveSingle(AllocationProblem problem) {
        MPSolver solver = OrTools.create(OrTools.MIP_SOLVER);
        try {
            solver.setTimeLimit((long) (mipTimeLimitSeconds * 1000));
            List<Arc> arcs = problem.arcs();
            MPVariable[] chosen = new MPVariable[arcs.size()];
            MPConstraint[] demandRows = new MPConstraint[problem.demands().size()];
            MPConstraint[] capacityRows = capacityRows(solver, problem);
            MPObjective objective = solver.objective();
            for (int d = 0; d < problem.demands().size(); d++) {
                Demand demand = problem.demands().get(d);
                boolean nothingToServe = demand.units() <= 0;
                demandRows[d] = solver.makeConstraint(nothingToServe ? 0 : 1, 1, "");
                if (problem.allowsUnmet() && !nothingToServe) {
                    MPVariable unmetShare = solver.makeNumVar(0, 1, "");
                    demandRows[d].setCoefficient(unmetShare, 1);
                    objective.setCoefficient(unmetShare, problem.unmetPenaltyPerUnit().getAsDouble() * demand.units());
                }
            }
            for (int a = 0; a < arcs.size(); a++) {
                Arc arc = arcs.get(a);
                double units = problem.demands().get(arc.demand()).units();
                chosen[a] = solver.makeBoolVar("");
                demandRows[arc.demand()].setCoefficient(chosen[a], 1);
                capacityRows[arc.center()].setCoefficient(chosen[a], units);
                objective.setCoefficient(chosen[a], arc.costPerUnit() * units);
            }
            objective.setMinimization();
            SolveStatus status = OrTools.status(solver.solve());
            if (status == SolveStatus.INFEASIBLE) {
                return infeasible(problem, OrTools.MIP_SOLVER, InfeasibilityDiagnosis.capacity(problem));
            }
            if (status != SolveStatus.OPTIMAL && status != SolveStatus.FEASIBLE) {
                return notSolved(problem, OrTools.MIP_SOLVER);
            }
            double[] arcUnits = new double[arcs.size()];
            for (int a = 0; a < arcs.size(); a++) {
                arcUnits[a] = chosen[a].solutionValue() > 0.5 ? problem.demands().get(arcs.get(a).demand()).units() : 0;
            }
            double gap = OrTools.gap(objective.value(), objective.bestBound());
            return solution(problem, OrTools.MIP_SOLVER, status, arcUnits, gap);
        } finally {
            solver.delete();
        }
    }

    private static MPConstraint[] capacityRows(MPSolver solver, AllocationProblem problem) {
        MPConstraint[] rows = new MPConstraint[problem.centers().size()];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = solver.makeConstraint(-MPSolver.infinity(), problem.centers().get(c).capacityUnits(), "");
        }
        return rows;
    }

    /** Flows and unmet units from arc values; unmet = demand - delivered, so the two always add up to demand. */
    static AllocationSolution solution(AllocationProblem problem, String solver, SolveStatus status, double[] arcUnits,
            double gap) {
        List<Flow> flows = new ArrayList<>();
        double[] delivered = new double[problem.demands().size()];
        double shippingCost = 0;
        for (int a = 0; a < arcUnits.length; a++) {
            if (arcUnits[a] <= UNITS_EPSILON) {
                continue;
            }
            Arc arc = problem.arcs().get(a);
            double units = Math.min(arcUnits[a], problem.demands().get(arc.demand()).units() - delivered[arc.demand()]);
            if (units <= UNITS_EPSILON) {
                continue;
            }
            delivered[arc.demand()] += units;
            double cost = units * arc.costPerUnit();
            shippingCost += cost;
            flows.add(new Flow(arc.demand(), arc.center(), units, arc.distanceKm(), arc.leadTimeDays(), cost));
        }
        double[] unmet = new double[delivered.length];
        double unmetUnits = 0;
        for (int d = 0; d < delivered.length; d++) {
            double missing = problem.demands().get(d).units() - delivered[d];
            unmet[d] = missing <= UNITS_EPSILON ? 0 : missing;
            unmetUnits += unmet[d];
        }
        double unmetCost = unmetUnits * problem.unmetPenaltyPerUnit().orElse(0);
        return new AllocationSolution(status, solver, shippingCost + unmetCost, shippingCost, unmetCost, unmet, gap,
                flows, Optional.empty());
    }

    private static AllocationSolution infeasible(AllocationProblem problem, String solver, Infeasibility why) {
        return new AllocationSolution(SolveStatus.INFEASIBLE, solver, Double.NaN, Double.NaN, Double.NaN,
                new double[problem.demands().size()], Double.NaN, List.of(), Optional.of(why));
    }

    private static AllocationSolution notSolved(AllocationProblem problem, String solver) {
        return new AllocationSolution(SolveStatus.NOT_SOLVED, solver, Double.NaN, Double.NaN, Double.NaN,
                new double[problem.demands().size()], Double.NaN, List.of(), Optional.empty());
    }
}
