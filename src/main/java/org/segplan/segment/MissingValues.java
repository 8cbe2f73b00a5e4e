package org.segplan.segment;

import java.util.List;

/**
 * @param imputedFeatures   features with missing values, imputed with their median
 * @param indicatorFeatures one feature per distinct missing-value pattern, each given a 0/1 indicator column
 */
public record MissingValues(List<String> imputedFeatures, List<String> indicatorFeatures) {
    public MissingValues {
        imputedFeatures = List.copyOf(imputedFeatures);
        indicatorFeatures = List.copyOf(indicatorFeatures);
    }
}
