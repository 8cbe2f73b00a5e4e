package org.segplan.segment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Agreement between two labelings of the same items, corrected for chance (Hubert and Arabie): 1 for identical
 * partitions whatever the label names, about 0 for random ones.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    /** From a table with one row per item and the two label columns; only the contingency table is collected. */
    public static double of(Dataset<Row> labelled, String firstLabel, String secondLabel) {
        List<Row> cells = labelled.groupBy(firstLabel, secondLabel).count().collectAsList();
        Map<String, Long> firstTotals = new HashMap<>();
        Map<String, Long> secondTotals = new HashMap<>();
        double pairsInCells = 0;
        long items = 0;
        for (Row cell : cells) {
            String first = String.valueOf(cell.get(0));
            String second = String.valueOf(cell.get(1));
            long count = cell.getLong(2);
            firstTotals.merge(first, count, Long::sum);
            secondTotals.merge(second, count, Long::sum);
            pairsInCells += pairs(count);
            items += count;
        }
        double firstPairs = firstTotals.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double secondPairs = secondTotals.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double expected = firstPairs * secondPairs / pairs(items);
        double maximum = (firstPairs + secondPairs) / 2;
        if (maximum == expected) {
            return 1.0;
        }
        return (pairsInCells - expected) / (maximum - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
