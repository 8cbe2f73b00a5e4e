package org.segplan.pipeline;

/**
 * One step of the pipeline. A stage declares what it reads and writes ({@link #spec()}); it reads the tables of
 * earlier stages for the same run date through {@link StageInputs}, calls its domain package, and writes.
 */
public interface Stage {
    StageSpec spec();

    default String name() {
        return spec().name();
    }

    /** Runs the stage on inputs the runner already checked against the spec. */
    StageOutcome run(RunContext context, StageInputs inputs);

    /** Checks the declared reads, then runs (or returns why the stage is skipped). What the runner calls. */
    default StageOutcome execute(RunContext context) {
        StageInputs.Result checked = StageInputs.check(spec(), context.tables(), context.run().runDate());
        return checked.inputs() == null ? StageOutcome.skipped(checked.skippedBecause())
                : run(context, checked.inputs());
    }
}
