package org.segplan.allocate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Times one period of the allocation LP at scale (bench/allocation_lp.sh): zones and centers scattered over
 * Europe, demand per zone x segment, capacity 1.15 x total demand, segment 1 within 1.5 days and segment 2 within
 * 2 days, unmet demand priced so the instance always solves. Seeded: the same arguments build the same model.
 */
public final class AllocationBenchmark {
    private AllocationBenchmark() {
    }

    public static void main(String[] args) {
        int zones = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int centers = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int segments = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Random random = new Random(42);
        List<Demand> demands = new ArrayList<>();
        double total = 0;
        for (int zone = 0; zone < zones; zone++) {
            double latitude = 36 + 24 * random.nextDouble();
            double longitude = -9 + 33 * random.nextDouble();
            for (int segment = 1; segment <= segments; segment++) {
                double units = 1 + 99 * random.nextDouble();
                total += units;
                OptionalDouble limit = segment == 1 ? OptionalDouble.of(1.5)
                        : segment == 2 ? OptionalDouble.of(2.0) : OptionalDouble.empty();
                demands.add(new Demand("Z" + zone, segment, latitude, longitude, units, limit));
            }
        }
        double[] weights = new double[centers];
        double weightSum = 0;
        for (int center = 0; center < centers; center++) {
            weights[center] = 0.5 + random.nextDouble();
            weightSum += weights[center];
        }
        List<Center> sites = new ArrayList<>();
        for (int center = 0; center < centers; center++) {
            sites.add(new Center("DC" + center, 36 + 24 * random.nextDouble(), -9 + 33 * random.nextDouble(),
                    1.15 * total * weights[center] / weightSum, 0.5 + random.nextDouble(), 0));
        }
        CostParameters costs = new CostParameters(0.002, 500, 0.5);

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        AllocationProblem problem = AllocationProblem.of(demands, sites, costs, OptionalDouble.of(50), Sourcing.SPLIT);
        double arcsSeconds = seconds(started);
        double arcsCpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        long solveStarted = System.nanoTime();
        long solveCpuStarted = threads.getCurrentThreadCpuTime();
        AllocationSolution solution = new AllocationSolver(600).solve(problem);
        double solveSeconds = seconds(solveStarted);
        double solveCpu = (threads.getCurrentThreadCpuTime() - solveCpuStarted) / 1e9;
        GreedyBaseline greedy = GreedyBaseline.of(problem);

        System.out.printf(Locale.ROOT, "instance: %d zones x %d centers x %d segments = %d demands, %d arcs "
                + "(service rule removed %d)%n", zones, centers, segments, demands.size(), problem.arcs().size(),
                (long) demands.size() * centers - problem.arcs().size());
        // GLOP runs in the calling thread: its CPU time is the solve's cost on an idle core.
        System.out.printf(Locale.ROOT, "build (distances, arcs): %.2f s wall, %.2f s CPU; build LP model + solve "
                + "(GLOP): %.2f s wall, %.2f s CPU; status %s%n", arcsSeconds, arcsCpu, solveSeconds, solveCpu,
                solution.status());
        System.out.printf(Locale.ROOT, "demand %.0f units; objective %.1f (shipping %.1f, unmet %.1f units)%n",
                total, solution.objective(), solution.shippingCost(), solution.totalUnmetUnits());
        System.out.printf(Locale.ROOT, "greedy nearest-center cost %.1f, %d capacity breaches, %d service breaches; "
                + "saving %.1f (%.2f%%)%n", greedy.cost(), greedy.capacityBreaches(), greedy.serviceBreaches(),
                greedy.cost() - solution.objective(), 100 * (greedy.cost() - solution.objective()) / greedy.cost());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
