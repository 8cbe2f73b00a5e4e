package org.segplan.segment;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * This run's segment ids: size-ordered segment number (1-based) to the id it publishes. The first run keeps the
 * size order; a later run continues the previous run's segments, matched by centroid ({@link SegmentMatcher}).
 *
 * @param mapping the published id of size-ordered segment {@code index + 1}
 * @param note    how the ids were chosen, for the run's notes
 */
record StableIds(int[] mapping, String note) {
    StableIds {
        mapping = mapping.clone();
    }

    /**
     * @param current  this run's centroids in long format (segment_id by size, feature, centroid)
     * @param previous the previous run's centroids in the same format, with stable ids
     */
    static StableIds match(List<Row> current, LocalDate previousRunDate, List<Row> previous) {
        StableIds bySize = bySize(current);
        List<String> shared = SegmentIdentity.sharedFeatures(previous, current);
        if (shared.isEmpty()) {
            return new StableIds(bySize.mapping, "segment ids: no feature in common with the run of "
                    + previousRunDate + ", numbered by size");
        }
        SegmentIdentity.CentroidMatrix before = SegmentIdentity.matrix(previous, shared);
        SegmentIdentity.CentroidMatrix now = SegmentIdentity.matrix(current, shared);
        int[] ids = SegmentMatcher.stableIds(SegmentMatcher.match(before.rows(), now.rows()), before.ids());
        int[] mapping = new int[bySize.mapping.length];
        for (int index = 0; index < now.ids().length; index++) {
            mapping[now.ids()[index] - 1] = ids[index];
        }
        return new StableIds(mapping, "segment ids matched to the run of " + previousRunDate + " by centroid: "
                + Arrays.toString(mapping) + " for segments by size 1.." + mapping.length);
    }

    /** The first run: ids are the size order. */
    static StableIds bySize(List<Row> current) {
        int k = (int) current.stream().map(row -> row.getInt(row.fieldIndex(SegmentIdentity.SEGMENT_ID)))
                .distinct().count();
        int[] identity = new int[k];
        for (int index = 0; index < k; index++) {
            identity[index] = index + 1;
        }
        return new StableIds(identity, "segment ids: first run, numbered by size");
    }

    @Override
    public int[] mapping() {
        return mapping.clone();
    }

    /** The stable id of a size-ordered segment number column (null stays null). */
    Column apply(Column bySize) {
        Column ids = array(Arrays.stream(mapping).mapToObj(id -> lit(id)).toArray(Column[]::new));
        return when(bySize.isNotNull(), element_at(ids, bySize));
    }
}
