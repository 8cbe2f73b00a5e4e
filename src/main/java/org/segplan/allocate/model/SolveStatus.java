package org.segplan.allocate.model;

/** The solver's verdict. FEASIBLE: a MIP stopped at its time limit with a solution and a gap. */
public enum SolveStatus {
    OPTIMAL,
    FEASIBLE,
    INFEASIBLE,
    NOT_SOLVED
}
