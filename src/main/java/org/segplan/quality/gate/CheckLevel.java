package org.segplan.quality.gate;

import org.segplan.contract.QualityChecksTable;

/** How much a failed check matters: an error fails the gate, a warning is only recorded. */
public enum CheckLevel {
    ERROR(QualityChecksTable.ERROR),
    WARNING(QualityChecksTable.WARNING);

    private final String tableValue;

    CheckLevel(String tableValue) {
        this.tableValue = tableValue;
    }

    public String tableValue() {
        return tableValue;
    }
}
