package org.segplan.quality.gate;

import java.util.List;

/** One check of the quality gate; it may give one result per subject (stage, table, segment). */
public interface QualityCheck {
    List<CheckResult> evaluate(GateInputs inputs);
}
