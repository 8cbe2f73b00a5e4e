package org.segplan.features;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The labels that become share columns (channel_share_online, category_share_vehicle, ...). Read once from the
 * data by the caller, in sorted order, so the columns are stable and the feature transformation needs no extra
 * pass.
 */
public record FeatureVocabulary(List<String> channels, List<String> paymentMethods, List<String> categories) {
    public FeatureVocabulary {
        channels = List.copyOf(requireNonNull(channels, "channels is null"));
        paymentMethods = List.copyOf(requireNonNull(paymentMethods, "paymentMethods is null"));
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
    }
}
