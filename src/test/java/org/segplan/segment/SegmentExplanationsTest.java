package org.segplan.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.testing.SharedSpark;

class SegmentExplanationsTest {
    private static final StructType SCHEMA = new StructType()
            .add("segment_id", DataTypes.IntegerType)
            .add("urgent_order_share", DataTypes.DoubleType)
            .add("noise", DataTypes.DoubleType)
            .add("monetary", DataTypes.DoubleType)
            .add("never_known", DataTypes.DoubleType);

    /** Three segments separated by urgent_order_share alone (0.1, 0.5, 0.9 plus small jitter); noise does not separate. */
    private static Dataset<Row> separated() {
        List<Row> rows = new ArrayList<>();
        int[] sizes = {60, 40, 30};
        double[] centres = {0.1, 0.5, 0.9};
        for (int segment = 0; segment < 3; segment++) {
            for (int index = 0; index < sizes[segment]; index++) {
                double jitter = ((index * 37) % 11 - 5) / 100.0;
                double noise = ((index * 53 + segment * 7) % 17) / 17.0;
                Double urgent = index % 10 == 9 ? null : centres[segment] + jitter;
                rows.add(RowFactory.create(segment + 1, urgent, noise, 100.0 + index, null));
            }
        }
        return SharedSpark.get().createDataFrame(rows, SCHEMA);
    }

    @Test
    void aShallowTreeReadsBackWellSeparatedSegmentsWithTheSeparatingFeature() {
        SegmentExplanations.Explanation explanation = SegmentExplanations.explain(separated(), "segment_id",
                List.of("urgent_order_share", "noise", "monetary", "never_known"), 3, 42);

        assertTrue(explanation.accuracy() >= 0.9, "accuracy " + explanation.accuracy());
        assertEquals(List.of("urgent_order_share", "noise", "monetary"), explanation.features(),
                "a feature without any value is left out");
        assertEquals(130, explanation.rules().stream().mapToLong(SegmentExplanations.Rule::customers).sum());
        Set<Integer> explained = explanation.rules().stream().map(SegmentExplanations.Rule::segmentId)
                .collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3), explained);
        for (SegmentExplanations.Rule rule : explanation.rules()) {
            assertTrue(rule.precision() > 0 && rule.precision() <= 1, rule.toString());
            assertTrue(rule.rule().endsWith("-> segment " + rule.segmentId()), rule.rule());
        }
        // The rule with the most customers of segment 3 (urgent share 0.9) is a lower bound on urgent_order_share.
        SegmentExplanations.Rule urgent = explanation.rules().stream().filter(rule -> rule.segmentId() == 3)
                .max(java.util.Comparator.comparingLong(SegmentExplanations.Rule::customers)).orElseThrow();
        assertTrue(urgent.rule().matches(".*urgent_order_share > 0\\.[5-8]\\d*.*"), urgent.rule());
        assertTrue(urgent.precision() >= 0.9, urgent.toString());
    }
}
