package org.segplan.allocate.model;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/** Loads OR-Tools' natives once per JVM (driver or executor) and creates MPSolver backends by name. */
final class OrTools {
    static final String LP_SOLVER = "GLOP";
    static final String MIP_SOLVER = "SCIP";
    private static volatile boolean loaded;

    private OrTools() {
    }

    static MPSolver create(String backend) {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
        MPSolver solver = MPSolver.createSolver(backend);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + backend + " backend in this build");
        }
        return solver;
    }

    static SolveStatus status(MPSolver.ResultStatus status) {
        return switch (status) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            default -> SolveStatus.NOT_SOLVED;
        };
    }

    /** Relative distance between a MIP's incumbent and its best bound; 0 when they meet. */
    static double gap(double objective, double bound) {
        double difference = Math.abs(objective - bound);
        return difference <= 1e-9 ? 0 : difference / Math.max(1e-9, Math.abs(objective));
    }
}
