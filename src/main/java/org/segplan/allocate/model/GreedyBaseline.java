package org.segplan.allocate.model;

/**
 * The rule of thumb the optimum is compared with: every zone x segment from its nearest center, whatever that
 * center's capacity or the segment's lead-time limit.
 *
 * @param capacityBreaches centers loaded beyond their capacity
 * @param serviceBreaches demands whose nearest center is slower than their maximum lead time
 */
public record GreedyBaseline(double cost, double[] centerLoad, int capacityBreaches, int serviceBreaches) {
    public static GreedyBaseline of(AllocationProblem problem) {
        double cost = 0;
        double[] load = new double[problem.centers().size()];
        int serviceBreaches = 0;
        for (int d = 0; d < problem.demands().size(); d++) {
            Demand demand = problem.demands().get(d);
            if (demand.units() <= 0) {
                continue;
            }
            int center = problem.nearestCenter()[d];
            double km = problem.distanceKm(d, center);
            cost += demand.units() * problem.costs().costPerUnit(km, problem.centers().get(center));
            load[center] += demand.units();
            if (demand.maxLeadTimeDays().isPresent() && problem.costs().leadTimeDays(km)
                    > demand.maxLeadTimeDays().getAsDouble() + AllocationProblem.LEAD_TIME_TOLERANCE_DAYS) {
                serviceBreaches++;
            }
        }
        int capacityBreaches = 0;
        for (int c = 0; c < load.length; c++) {
            if (load[c] > problem.centers().get(c).capacityUnits() + 1e-6) {
                capacityBreaches++;
            }
        }
        return new GreedyBaseline(cost, load, capacityBreaches, serviceBreaches);
    }
}
