package org.segplan.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.testing.SharedSpark;

class AdjustedRandIndexTest {
    private static Dataset<Row> labels(String[] first, String[] second) {
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < first.length; index++) {
            rows.add(RowFactory.create(first[index], second[index]));
        }
        return SharedSpark.get().createDataFrame(rows,
                new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType));
    }

    @Test
    void identicalPartitionsScoreOneWhateverTheNames() {
        assertEquals(1.0, AdjustedRandIndex.of(labels(new String[] {"x", "x", "y", "y", "z"},
                new String[] {"2", "2", "1", "1", "3"}), "a", "b"), 1e-12);
    }

    @Test
    void matchesTheTextbookExample() {
        // scikit-learn's adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) is 0.5714285714...
        assertEquals(4.0 / 7.0, AdjustedRandIndex.of(labels(new String[] {"0", "0", "1", "1"},
                new String[] {"0", "0", "1", "2"}), "a", "b"), 1e-12);
        // ... and adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) is -0.5.
        assertEquals(-0.5, AdjustedRandIndex.of(labels(new String[] {"0", "0", "1", "1"},
                new String[] {"0", "1", "0", "1"}), "a", "b"), 1e-12);
    }
}
