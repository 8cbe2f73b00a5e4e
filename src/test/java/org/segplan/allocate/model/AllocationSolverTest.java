package org.segplan.allocate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Small instances on the equator, where the great-circle distance between longitudes a and b is exactly
 * |a - b| degrees x KM_PER_DEGREE, so every optimum can be worked out by hand.
 */
class AllocationSolverTest {
    static final double KM_PER_DEGREE = Math.toRadians(1) * GreatCircle.EARTH_RADIUS_KM;
    static final double RATE = 0.01;
    static final CostParameters COSTS = new CostParameters(RATE, 500, 0.2);
    private final AllocationSolver solver = new AllocationSolver(30);

    static Center center(String id, double longitude, double capacity, double handling) {
        return new Center(id, 0, longitude, capacity, handling, 0);
    }

    static Demand demand(String zone, double longitude, double units) {
        return new Demand(zone, 1, 0, longitude, units, OptionalDouble.empty());
    }

    static double cost(double degrees, double handling) {
        return degrees * KM_PER_DEGREE * RATE + handling;
    }

    /** A at 0 (capacity 100, handling 1), B at 1 (capacity 100, handling 2); zones at 0.25, 0.75 and 0.45. */
    static List<Center> twoCenters() {
        return List.of(center("A", 0, 100, 1), center("B", 1, 100, 2));
    }

    static List<Demand> threeZones() {
        return List.of(demand("z1", 0.25, 60), demand("z2", 0.75, 80), demand("z3", 0.45, 50));
    }

    @Test
    void smallInstanceHasTheHandCheckedOptimum() {
        AllocationProblem problem = AllocationProblem.of(threeZones(), twoCenters(), COSTS, OptionalDouble.empty(),
                Sourcing.SPLIT);
        AllocationSolution solution = solver.solve(problem);

        // A is cheaper for every zone but holds 100 of 190 units. Moving a unit to B costs (regret):
        // z1 1 + 0.5 x K x r = 1.556, z2 1 - 0.5 x K x r = 0.444, z3 1 + 0.1 x K x r = 1.111. So z2 goes to B
        // whole (80), then 10 units of z3; A keeps z1 (60) and 40 of z3.
        double expected = 60 * cost(0.25, 1) + 40 * cost(0.45, 1) + 10 * cost(0.55, 2) + 80 * cost(0.25, 2);
        assertEquals(SolveStatus.OPTIMAL, solution.status());
        assertEquals("GLOP", solution.solver());
        assertEquals(expected, solution.objective(), 1e-6);
        assertEquals(0, solution.optimalityGap(), 0);
        assertEquals(0, solution.totalUnmetUnits(), 1e-9);
        assertEquals(10, unitsOn(solution, 2, 1), 1e-6);
        assertEquals(40, unitsOn(solution, 2, 0), 1e-6);
        assertEquals(80, unitsOn(solution, 1, 1), 1e-6);
        assertEquals(60, unitsOn(solution, 0, 0), 1e-6);
    }

    @Test
    void greedyBreachesCapacityWhereTheOptimumDoesNot() {
        AllocationProblem problem = AllocationProblem.of(threeZones(), twoCenters(), COSTS, OptionalDouble.empty(),
                Sourcing.SPLIT);
        GreedyBaseline greedy = GreedyBaseline.of(problem);
        AllocationSolution solution = solver.solve(problem);

        // Nearest centers: z1 and z3 to A (110 units > 100), z2 to B.
        assertEquals(110, greedy.centerLoad()[0], 1e-9);
        assertEquals(1, greedy.capacityBreaches());
        assertEquals(0, greedy.serviceBreaches());
        assertEquals(60 * cost(0.25, 1) + 50 * cost(0.45, 1) + 80 * cost(0.25, 2), greedy.cost(), 1e-9);
        double[] load = new double[2];
        solution.flows().forEach(flow -> load[flow.center()] += flow.units());
        assertTrue(load[0] <= 100 + 1e-6 && load[1] <= 100 + 1e-6, "optimum within capacity: " + load[0] + ", " + load[1]);
        // The greedy plan is cheaper only because it is infeasible: it ships 10 units more through A.
        assertTrue(greedy.cost() < solution.objective());
    }

    @Test
    void unmetDemandIsPricedAndReportedWhenCapacityRunsOut() {
        List<Demand> demands = List.of(demand("z1", 0.25, 150), demand("z2", 0.75, 100));
        AllocationProblem problem = AllocationProblem.of(demands, twoCenters(), COSTS, OptionalDouble.of(50),
                Sourcing.SPLIT);
        AllocationSolution solution = solver.solve(problem);

        // 250 units, 200 capacity: 50 unmet, taken from z1 (its cheapest alternative is the penalty). A serves
        // z1 100, B serves z2 100.
        assertEquals(50, solution.totalUnmetUnits(), 1e-6);
        assertEquals(50, solution.unmetUnits()[0], 1e-6);
        assertEquals(50 * 50, solution.unmetCost(), 1e-6);
        assertEquals(100 * cost(0.25, 1) + 100 * cost(0.25, 2) + 2500, solution.objective(), 1e-6);
    }

    @Test
    void capacityInfeasibilityIsDiagnosedWithTheShortfall() {
        List<Demand> demands = List.of(demand("z1", 0.25, 150), demand("z2", 0.75, 100));
        AllocationProblem problem = AllocationProblem.of(demands, twoCenters(), COSTS, OptionalDouble.empty(),
                Sourcing.SPLIT);
        AllocationSolution solution = solver.solve(problem);

        assertEquals(SolveStatus.INFEASIBLE, solution.status());
        assertTrue(solution.flows().isEmpty());
        Infeasibility why = solution.infeasibility().orElseThrow();
        assertEquals("capacity", why.constraint());
        assertEquals(50, why.capacityShortfallUnits(), 1e-6);
        assertEquals(List.of("A", "B"), why.centers());
        assertTrue(why.describe().contains("at least 50.0 units"), why.describe());
    }

    @Test
    void capacityShortageBehindALeadTimeLimitNamesTheSaturatedCenter() {
        // Total capacity (200) covers 150 units, but z1's limit (0.3 days at 500 km/day + 0.2 handling: 50 km)
        // admits only A (28 km away), which holds 100.
        List<Demand> demands = List.of(
                new Demand("z1", 2, 0, 0.25, 120, OptionalDouble.of(0.3)), demand("z2", 0.75, 30));
        AllocationProblem problem = AllocationProblem.of(demands, twoCenters(), COSTS, OptionalDouble.empty(),
                Sourcing.SPLIT);
        Infeasibility why = solver.solve(problem).infeasibility().orElseThrow();

        assertEquals("capacity", why.constraint());
        assertEquals(20, why.capacityShortfallUnits(), 1e-6);
        assertEquals(List.of("A"), why.centers());
        assertEquals(List.of("z1 x segment 2"), why.zones());
    }

    @Test
    void zoneWithoutAnyCenterWithinItsLeadTimeIsAServiceInfeasibility() {
        // z3 is 2 degrees (222 km) beyond B: 0.2 + 222.4 / 500 = 0.645 days against a limit of 0.5.
        List<Demand> demands = List.of(demand("z1", 0.25, 10),
                new Demand("z3", 3, 0, 3, 10, OptionalDouble.of(0.5)));
        AllocationProblem problem = AllocationProblem.of(demands, twoCenters(), COSTS, OptionalDouble.empty(),
                Sourcing.SPLIT);
        Infeasibility why = solver.solve(problem).infeasibility().orElseThrow();

        assertEquals("service (maximum lead time)", why.constraint());
        assertEquals(List.of("z3 x segment 3"), why.zones());
        assertEquals(List.of("B"), why.centers());
        String needed = String.format(java.util.Locale.ROOT, "%.2f days", 0.2 + 2 * KM_PER_DEGREE / 500);
        assertTrue(why.remedy().contains("at least " + needed), why.remedy());
    }

    @Test
    void premiumSegmentIsServedOnlyWithinItsLeadTime() {
        // Zone at 0.9: A is cheap (handling 1) but 100 km away, B is 11 km away but handles at 5. At 200 km/day
        // and no handling days, A takes 0.5 days; the premium segment allows 0.3, the standard one anything.
        CostParameters slow = new CostParameters(RATE, 200, 0);
        List<Center> centers = List.of(center("A", 0, 1000, 1), center("B", 1, 1000, 5));
        List<Demand> demands = List.of(new Demand("z", 1, 0, 0.9, 40, OptionalDouble.of(0.3)),
                new Demand("z", 2, 0, 0.9, 60, OptionalDouble.empty()));
        AllocationProblem problem = AllocationProblem.of(demands, centers, slow, OptionalDouble.empty(), Sourcing.SPLIT);
        AllocationSolution solution = solver.solve(problem);

        assertEquals(40, unitsOn(solution, 0, 1), 1e-6);
        assertEquals(0, unitsOn(solution, 0, 0), 1e-9);
        assertEquals(60, unitsOn(solution, 1, 0), 1e-6);
        solution.flows().stream().filter(flow -> flow.demand() == 0)
                .forEach(flow -> assertTrue(flow.leadTimeDays() <= 0.3, "lead time " + flow.leadTimeDays()));
        assertEquals(40 * cost(0.1, 5) + 60 * cost(0.9, 1), solution.objective(), 1e-6);
        assertTrue(problem.arcs().stream().noneMatch(arc -> arc.demand() == 0 && arc.center() == 0),
                "the forbidden arc is not a variable");
    }

    @Test
    void singleSourcingServesEachDemandFromOneCenter() {
        AllocationProblem problem = AllocationProblem.of(threeZones(), twoCenters(), COSTS, OptionalDouble.empty(),
                Sourcing.SINGLE);
        AllocationSolution solution = solver.solve(problem);

        // Without splitting, A (100) and B (100) must hold 60, 80 and 50 whole: no subset on A leaves at most
        // 100 for B (A = {z1} leaves 130, {z2} 110, {z3} 140, {z1, z3} is 110 on A), although the LP fits.
        assertEquals(SolveStatus.INFEASIBLE, solution.status());
        assertEquals("single sourcing with capacity", solution.infeasibility().orElseThrow().constraint());

        List<Center> roomier = List.of(center("A", 0, 120, 1), center("B", 1, 100, 2));
        AllocationSolution fits = solver.solve(AllocationProblem.of(threeZones(), roomier, COSTS,
                OptionalDouble.empty(), Sourcing.SINGLE));
        // With 120 at A, z1 and z3 (110) fit on A and z2 goes to B: the greedy plan, now within capacity.
        assertEquals("SCIP", fits.solver());
        assertEquals(3, fits.flows().size());
        assertEquals(60 * cost(0.25, 1) + 50 * cost(0.45, 1) + 80 * cost(0.25, 2), fits.objective(), 1e-6);
        assertEquals(0, fits.optimalityGap(), 1e-6);
    }

    private static double unitsOn(AllocationSolution solution, int demand, int center) {
        return solution.flows().stream().filter(flow -> flow.demand() == demand && flow.center() == center)
                .mapToDouble(Flow::units).sum();
    }
}
