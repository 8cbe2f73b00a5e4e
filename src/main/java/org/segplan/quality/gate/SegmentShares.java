package org.segplan.quality.gate;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CustomerSegmentsTable;

/**
 * Segment count within the configured k range (error) and no segment smaller than a minimum share of the
 * segmented customers (warning: a tiny segment is hard to plan for, but may be real).
 */
public final class SegmentShares implements QualityCheck {
    public static final String COUNT = "segment_count_in_range";
    public static final String MINIMUM_SHARE = "segment_share_above_minimum";

    private final int kMin;
    private final int kMax;
    private final double minimumShare;

    public SegmentShares(int kMin, int kMax, double minimumShare) {
        this.kMin = kMin;
        this.kMax = kMax;
        this.minimumShare = minimumShare;
    }

    @Override
    public List<CheckResult> evaluate(GateInputs inputs) {
        Optional<Dataset<Row>> segments = inputs.table(CustomerSegmentsTable.NAME);
        String range = kMin == kMax ? String.valueOf(kMin) : kMin + ".." + kMax;
        if (segments.isEmpty()) {
            return List.of(CheckResult.fail(COUNT, CustomerSegmentsTable.NAME, CheckLevel.ERROR, null, range,
                    CustomerSegmentsTable.NAME + " does not exist"));
        }
        List<Row> sizes = segments.get().groupBy(col(CustomerSegmentsTable.SEGMENT_ID)).count()
                .orderBy(CustomerSegmentsTable.SEGMENT_ID).collectAsList();
        long total = sizes.stream().mapToLong(row -> row.getLong(1)).sum();
        List<CheckResult> results = new ArrayList<>();
        int k = sizes.size();
        results.add(CheckResult.when(k >= kMin && k <= kMax, COUNT, CustomerSegmentsTable.NAME, CheckLevel.ERROR,
                (double) k, range, k + " segments over " + total + " customers"));
        for (Row size : sizes) {
            String segment = size.isNullAt(0) ? "null" : String.valueOf(size.getInt(0));
            double share = total == 0 ? 0.0 : (double) size.getLong(1) / total;
            results.add(CheckResult.when(share >= minimumShare, MINIMUM_SHARE, "segment " + segment,
                    CheckLevel.WARNING, share, String.format(Locale.ROOT, ">= %.4f", minimumShare),
                    String.format(Locale.ROOT, "segment %s holds %d of %d customers (%.2f%%)", segment,
                            size.getLong(1), total, 100 * share)));
        }
        return results;
    }
}
