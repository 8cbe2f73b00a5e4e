package org.segplan.config;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.segplan.error.Errors;

/** The data-driven segmentation algorithms, by their configuration names. */
public enum SegmentationAlgorithm {
    KMEANS("kmeans"),
    BISECTING_KMEANS("bisecting-kmeans"),
    GAUSSIAN_MIXTURE("gaussian-mixture");

    private final String configName;

    SegmentationAlgorithm(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static SegmentationAlgorithm parse(String key, String value) {
        for (SegmentationAlgorithm algorithm : values()) {
            if (algorithm.configName.equals(value)) {
                return algorithm;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a segmentation algorithm segplan knows",
                "use one of " + Arrays.stream(values()).map(SegmentationAlgorithm::configName)
                        .collect(Collectors.joining(", ")));
    }
}
