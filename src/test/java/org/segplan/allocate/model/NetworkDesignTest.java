package org.segplan.allocate.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Capacitated facility location on the equator (distances exact, see {@link AllocationSolverTest}). */
class NetworkDesignTest {
    private static final double PER_DEGREE_UNIT = AllocationSolverTest.KM_PER_DEGREE * AllocationSolverTest.RATE;
    private final NetworkDesign design = new NetworkDesign(30);

    private static AllocationProblem problem(double fixed0, double fixed1, double fixed5, double capacity) {
        List<Center> centers = List.of(new Center("C0", 0, 0, capacity, 0, fixed0),
                new Center("C1", 0, 1, capacity, 0, fixed1), new Center("C5", 0, 5, capacity, 0, fixed5));
        List<Demand> demands = List.of(AllocationSolverTest.demand("z0", 0.1, 100),
                AllocationSolverTest.demand("z5", 5.2, 150));
        return AllocationProblem.of(demands, centers, AllocationSolverTest.COSTS, OptionalDouble.empty(), Sourcing.SPLIT);
    }

    @Test
    void twoOpenCentersGoNextToTheTwoClusters() {
        NetworkDesign.Result result = design.choose(problem(100, 100, 100, 1000), OptionalInt.of(2),
                OptionalDouble.empty());

        // z0 from C0 (0.1 degrees x 100 units) and z5 from C5 (0.2 x 150) plus two fixed costs.
        assertEquals(SolveStatus.OPTIMAL, result.status());
        assertArrayEquals(new boolean[] {true, false, true}, result.open());
        assertEquals((0.1 * 100 + 0.2 * 150) * PER_DEGREE_UNIT + 200, result.objective(), 1e-6);
        assertEquals(200, result.fixedCost(), 1e-9);
    }

    @Test
    void oneOpenCenterGoesNextToTheHeavierCluster() {
        NetworkDesign.Result result = design.choose(problem(100, 100, 100, 1000), OptionalInt.of(1),
                OptionalDouble.empty());

        // C5: 4.9 x 100 + 0.2 x 150 = 520 degree-units; C1: 0.9 x 100 + 4.2 x 150 = 720; C0: 5.1 x 150 + 10 = 775.
        assertArrayEquals(new boolean[] {false, false, true}, result.open());
        assertEquals(520 * PER_DEGREE_UNIT + 100, result.objective(), 1e-6);
    }

    @Test
    void budgetExcludesTheExpensiveCenter() {
        // C5 costs 300 > budget 200. Within it: {C1} 720 x 1.112 + 50 = 850.6, {C0, C1} (10 + 630) x 1.112 + 150
        // = 861.6, {C0} 775 x 1.112 + 100 = 961.8. So C1 alone.
        NetworkDesign.Result result = design.choose(problem(100, 50, 300, 1000), OptionalInt.empty(),
                OptionalDouble.of(200));

        assertArrayEquals(new boolean[] {false, true, false}, result.open());
        assertEquals(720 * PER_DEGREE_UNIT + 50, result.objective(), 1e-6);
        assertEquals(1, result.openCenters(problem(100, 50, 300, 1000).centers()).size());
    }

    @Test
    void tooFewCentersForTheDemandIsDiagnosed() {
        NetworkDesign.Result result = design.choose(problem(100, 100, 100, 120), OptionalInt.of(1),
                OptionalDouble.empty());

        assertEquals(SolveStatus.INFEASIBLE, result.status());
        assertTrue(result.infeasibility().orElseThrow().remedy().contains("at most 1 centers"),
                result.infeasibility().orElseThrow().remedy());
    }

    @Test
    void weightedKMeansProposesSitesAtTheDemandWeightedCentres() {
        List<WeightedKMeans.Point> points = List.of(new WeightedKMeans.Point(50, 10, 300),
                new WeightedKMeans.Point(50, 10.2, 100), new WeightedKMeans.Point(40, -3, 50),
                new WeightedKMeans.Point(40.4, -3, 50), new WeightedKMeans.Point(45, 5, 0));

        List<WeightedKMeans.Site> sites = WeightedKMeans.cluster(points, 2, 20);

        assertEquals(2, sites.size());
        assertEquals(50, sites.get(0).latitude(), 1e-9);
        assertEquals(10.05, sites.get(0).longitude(), 1e-9);
        assertEquals(400, sites.get(0).demandUnits(), 1e-9);
        assertEquals(40.2, sites.get(1).latitude(), 1e-9);
        assertEquals(2, sites.get(1).zones());
    }
}
