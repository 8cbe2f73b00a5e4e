package org.segplan.allocate.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A solved period.
 *
 * @param objective shipping cost + unmet-demand cost (+ fixed costs when centers are chosen)
 * @param shippingCost transport and handling of the delivered units
 * @param unmetUnits per demand, in the order of the problem's demands
 * @param optimalityGap relative gap to the best bound (0 for an LP solved to optimality)
 * @param infeasibility present when the status is INFEASIBLE
 */
public record AllocationSolution(SolveStatus status, String solver, double objective, double shippingCost,
        double unmetCost, double[] unmetUnits, double optimalityGap, List<Flow> flows,
        Optional<Infeasibility> infeasibility) {
    public AllocationSolution {
        requireNonNull(status, "status is null");
        requireNonNull(solver, "solver is null");
        requireNonNull(unmetUnits, "unmetUnits is null");
        flows = List.copyOf(requireNonNull(flows, "flows is null"));
        requireNonNull(infeasibility, "infeasibility is null");
    }

    public double totalUnmetUnits() {
        double total = 0;
        for (double unmet : unmetUnits) {
            total += unmet;
        }
        return total;
    }

    public boolean hasSolution() {
        return status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE;
    }
}
