package org.segplan.segment;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.stddev_pop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Segment centroids in standardized feature units, and the customers moving between segments from one run to
 * the next. Centroids are what {@link SegmentMatcher} compares, so that a segment keeps its id across runs.
 */
public final class SegmentIdentity {
    public static final String SEGMENT_ID = "segment_id";
    public static final String FEATURE = "feature";
    public static final String CENTROID = "centroid";
    public static final String FROM_SEGMENT_ID = "from_segment_id";
    public static final String TO_SEGMENT_ID = "to_segment_id";
    public static final String CUSTOMERS = "customers";

    private SegmentIdentity() {
    }

    /**
     * Long format (segment_id, feature, centroid): each feature's mean per segment, divided by the feature's
     * standard deviation over all customers so every feature weighs the same in the matching.
     */
    public static Dataset<Row> centroids(Dataset<Row> segmented, List<String> features) {
        List<Column> spreads = new ArrayList<>();
        for (String feature : features) {
            spreads.add(stddev_pop(col(feature).cast("double")).as(feature));
        }
        Row spread = segmented.agg(spreads.get(0), spreads.subList(1, spreads.size()).toArray(Column[]::new)).head();
        List<Column> means = new ArrayList<>();
        List<Column> entries = new ArrayList<>();
        for (int index = 0; index < features.size(); index++) {
            String feature = features.get(index);
            double deviation = spread.isNullAt(index) || spread.getDouble(index) == 0 ? 1.0 : spread.getDouble(index);
            means.add(avg(col(feature).cast("double")).divide(deviation).as(feature));
            entries.add(lit(feature));
            entries.add(col(feature));
        }
        return segmented.groupBy(SEGMENT_ID).agg(means.get(0), means.subList(1, means.size()).toArray(Column[]::new))
                .select(col(SEGMENT_ID), explode(map(entries.toArray(Column[]::new))).as(new String[] {FEATURE, CENTROID}));
    }

    /** The centroids as a matrix over the features both runs share, rows in ascending segment id. */
    public static CentroidMatrix matrix(List<Row> longFormat, List<String> features) {
        TreeSet<Integer> segments = new TreeSet<>();
        Map<String, Double> values = new HashMap<>();
        for (Row row : longFormat) {
            int segment = row.getInt(row.fieldIndex(SEGMENT_ID));
            segments.add(segment);
            Object centroid = row.get(row.fieldIndex(CENTROID));
            values.put(segment + "/" + row.getString(row.fieldIndex(FEATURE)),
                    centroid == null ? 0.0 : ((Number) centroid).doubleValue());
        }
        int[] ids = segments.stream().mapToInt(Integer::intValue).toArray();
        double[][] rows = new double[ids.length][features.size()];
        for (int segment = 0; segment < ids.length; segment++) {
            for (int feature = 0; feature < features.size(); feature++) {
                rows[segment][feature] = values.getOrDefault(ids[segment] + "/" + features.get(feature), 0.0);
            }
        }
        return new CentroidMatrix(ids, rows);
    }

    /** Features present in both long-format centroid tables. */
    public static List<String> sharedFeatures(List<Row> previous, List<Row> current) {
        TreeSet<String> before = new TreeSet<>();
        previous.forEach(row -> before.add(row.getString(row.fieldIndex(FEATURE))));
        TreeSet<String> shared = new TreeSet<>();
        current.forEach(row -> {
            String feature = row.getString(row.fieldIndex(FEATURE));
            if (before.contains(feature)) {
                shared.add(feature);
            }
        });
        return List.copyOf(shared);
    }

    /**
     * Customers per (previous segment, current segment); a null previous segment is a customer new in this run,
     * a null current segment one that is no longer segmented.
     */
    public static Dataset<Row> migrations(Dataset<Row> previous, Dataset<Row> current, String customerId) {
        Dataset<Row> before = previous.select(col(customerId).as("__customer"), col(SEGMENT_ID).as(FROM_SEGMENT_ID));
        Dataset<Row> after = current.select(col(customerId).as("__customer_now"), col(SEGMENT_ID).as(TO_SEGMENT_ID));
        return before.join(after, before.col("__customer").equalTo(after.col("__customer_now")), "full_outer")
                .groupBy(FROM_SEGMENT_ID, TO_SEGMENT_ID)
                .agg(count(coalesce(col("__customer"), col("__customer_now"))).as(CUSTOMERS));
    }

    /** Segment ids in ascending order and their centroid rows. */
    public record CentroidMatrix(int[] ids, double[][] rows) {
        public CentroidMatrix {
            ids = ids.clone();
            rows = rows.clone();
        }
    }
}
