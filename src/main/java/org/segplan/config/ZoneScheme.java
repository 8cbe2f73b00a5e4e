package org.segplan.config;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.segplan.error.Errors;

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

    public String configName() {
        return configName;
    }

    static ZoneScheme parse(String key, String value) {
        for (ZoneScheme scheme : values()) {
            if (scheme.configName.equals(value)) {
                return scheme;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a zone scheme segplan knows",
                "use one of " + Arrays.stream(values()).map(ZoneScheme::configName).collect(Collectors.joining(", ")));
    }
}
