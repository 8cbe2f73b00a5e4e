package org.segplan.segment;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CustomerFeaturesTable;

/**
 * Describes each segment: its size and revenue share, its mean of each profile feature, the features that set it
 * apart most (standardized difference from all customers), and a readable name built from those traits.
 * Aggregates run in Spark; only one row per segment reaches the driver.
 */
public final class SegmentProfiles {
    /** A trait needs at least this standardized difference to count. */
    static final double TRAIT_THRESHOLD = 0.5;
    private static final int TRAITS_IN_NAME = 3;

    private SegmentProfiles() {
    }

    /** One segment's profile. distinguishing: feature to standardized difference, largest magnitude first. */
    public record Profile(int segmentId, long customers, double customerShare, double revenueShare,
            Map<String, Double> means, Map<String, Double> distinguishing, String name) {
    }

    /**
     * @param segmented one row per customer with segment_id, monetary and the profile features
     */
    public static List<Profile> compute(Dataset<Row> segmented, List<String> features) {
        List<Column> overall = new ArrayList<>();
        overall.add(count(lit(1)).as("__customers"));
        overall.add(sum(CustomerFeaturesTable.MONETARY).as("__revenue"));
        for (String feature : features) {
            overall.add(avg(col(feature).cast("double")).as("mean_" + feature));
            overall.add(stddev_pop(col(feature).cast("double")).as("deviation_" + feature));
        }
        Row population = segmented.agg(overall.get(0), overall.subList(1, overall.size()).toArray(Column[]::new)).head();
        List<Column> perSegment = new ArrayList<>();
        perSegment.add(count(lit(1)).as("__customers"));
        perSegment.add(sum(CustomerFeaturesTable.MONETARY).as("__revenue"));
        for (String feature : features) {
            perSegment.add(avg(col(feature).cast("double")).as("mean_" + feature));
        }
        List<Row> segments = segmented.groupBy(SegmentIdentity.SEGMENT_ID)
                .agg(perSegment.get(0), perSegment.subList(1, perSegment.size()).toArray(Column[]::new))
                .orderBy(SegmentIdentity.SEGMENT_ID).collectAsList();
        long customers = population.getLong(0);
        double revenue = population.isNullAt(1) ? 0 : population.getDouble(1);
        List<Profile> profiles = new ArrayList<>();
        Set<String> namesUsed = new HashSet<>();
        for (Row segment : segments) {
            Map<String, Double> means = new LinkedHashMap<>();
            Map<String, Double> differences = new LinkedHashMap<>();
            for (String feature : features) {
                Object mean = segment.getAs("mean_" + feature);
                Object populationMean = population.getAs("mean_" + feature);
                Object deviation = population.getAs("deviation_" + feature);
                if (mean == null) {
                    continue;
                }
                means.put(feature, (Double) mean);
                if (populationMean != null && deviation != null && (Double) deviation > 0) {
                    differences.put(feature, ((Double) mean - (Double) populationMean) / (Double) deviation);
                }
            }
            Map<String, Double> distinguishing = new LinkedHashMap<>();
            differences.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Double> entry) -> -Math.abs(entry.getValue())))
                    .forEach(entry -> distinguishing.put(entry.getKey(), entry.getValue()));
            int id = segment.getAs(SegmentIdentity.SEGMENT_ID);
            String name = TraitNames.name(distinguishing, TRAIT_THRESHOLD, TRAITS_IN_NAME);
            if (!namesUsed.add(name)) {
                name = name + " (segment " + id + ")";
            }
            long size = segment.getLong(1);
            double segmentRevenue = segment.isNullAt(2) ? 0 : segment.getDouble(2);
            profiles.add(new Profile(id, size, (double) size / customers, revenue == 0 ? 0 : segmentRevenue / revenue,
                    means, distinguishing, name));
        }
        return profiles;
    }
}
