package org.segplan.quality.gate;

import java.util.List;
import java.util.Map;

/**
 * What the gate's checks are measured against, built by the check stage from the configuration and the stage specs.
 *
 * @param kMin                   the fewest segments a segmentation may have
 * @param kMax                   the most
 * @param maxQuarantineShare     the share of an input's rows above which ingest fails (an error here too)
 * @param quarantineWarningShare the share above which a warning is recorded
 * @param minimumSegmentShare    a segment below this share of customers is a warning
 * @param requiredTables         tables that must have rows for the run date (the validated required inputs)
 * @param stageOutputs           per stage, the tables it writes with rows on every run; checked for the stages
 *                               whose latest attempt succeeded
 */
public record GateSettings(int kMin, int kMax, double maxQuarantineShare, double quarantineWarningShare,
        double minimumSegmentShare, List<String> requiredTables, Map<String, List<String>> stageOutputs) {
    public GateSettings {
        requiredTables = List.copyOf(requiredTables);
        stageOutputs = Map.copyOf(stageOutputs);
    }
}
