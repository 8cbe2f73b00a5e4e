package org.segplan.allocate;

/** How customers are grouped into demand zones for allocation. */
public enum ZoneScheme {
    /** One zone per city. */
    CITY("city"),
    /** One zone per square cell of grid-degrees latitude x longitude. */
    GRID("grid");

    private final String configName;

    ZoneScheme(String configName) {
        this.configName = configName;
    }

    /** The value of {@code segplan.allocation.zones} that selects it, as messages and notes name it. */
    public String configName() {
        return configName;
    }
}
