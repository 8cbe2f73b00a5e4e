package org.segplan.quality;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the checks made of one input: rows in (the independent count), accepted, quarantined, and the quarantined
 * rows by reason code (sorted by code; rows a mapping filter quarantined included).
 */
public record InputCounts(long rowsIn, long accepted, long quarantined, Map<String, Long> reasons) {
    public InputCounts {
        reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
    }

    public boolean reconciles() {
        return rowsIn == accepted + quarantined;
    }
}
