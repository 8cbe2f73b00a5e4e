package org.segplan.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomersTable;

/** Turns a segment's distinguishing features into words a planner reads, e.g. "tech-leaning urgent app buyers". */
final class TraitNames {
    private TraitNames() {
    }

    static String name(Map<String, Double> distinguishing, double threshold, int traits) {
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Double> entry : distinguishing.entrySet()) {
            if (words.size() == traits || Math.abs(entry.getValue()) < threshold) {
                break;
            }
            String word = word(entry.getKey(), entry.getValue() > 0);
            if (word != null && !words.contains(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return "typical customers";
        }
        return String.join(" ", words) + " buyers";
    }

    /** The word for a feature above (high) or below the population, or null when the direction says nothing. */
    static String word(String feature, boolean high) {
        if (feature.startsWith(CustomerFeaturesTable.CHANNEL_SHARE_PREFIX)) {
            String channel = feature.substring(CustomerFeaturesTable.CHANNEL_SHARE_PREFIX.length()).replace('_', '-');
            return high ? channel + "-channel" : null;
        }
        if (feature.startsWith(CustomerFeaturesTable.CATEGORY_SHARE_PREFIX)) {
            String category = feature.substring(CustomerFeaturesTable.CATEGORY_SHARE_PREFIX.length()).replace('_', '-');
            return high ? category + "-focused" : null;
        }
        return switch (feature) {
            case CustomerFeaturesTable.LOG_AVERAGE_ORDER_VALUE, CustomerFeaturesTable.AVERAGE_ORDER_VALUE ->
                    high ? "big-basket" : "small-basket";
            case CustomerFeaturesTable.LOG_MONETARY, CustomerFeaturesTable.MONETARY -> high ? "high-value" : "low-value";
            case CustomerFeaturesTable.LOG_FREQUENCY, CustomerFeaturesTable.FREQUENCY -> high ? "frequent" : "occasional";
            case CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS -> high ? "patient" : "quick-delivery";
            case CustomerFeaturesTable.URGENT_ORDER_SHARE -> high ? "urgent" : null;
            case CustomerFeaturesTable.RETURN_RATE -> high ? "returning" : null;
            case CustomersTable.ECO_CONSCIOUSNESS -> high ? "eco-minded" : null;
            case CustomersTable.TECH_AFFINITY -> high ? "tech-leaning" : null;
            case CustomersTable.COMFORT_PRIORITY -> high ? "comfort-seeking" : null;
            case CustomersTable.PRICE_SENSITIVITY -> high ? "price-sensitive" : "price-relaxed";
            default -> null;
        };
    }
}
