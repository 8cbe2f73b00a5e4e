package org.segplan.pipeline;

/** One step of the pipeline. Stages read what earlier stages wrote for the same run date. */
public interface Stage {
    String name();

    StageOutcome execute(RunContext context);
}
