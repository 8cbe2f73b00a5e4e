package org.segplan.segment;

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
}
