package org.segplan.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyComplexityTable;

/**
 * One service policy per data-driven segment, how the catalogue is used, and the complexity it removes. Every
 * frame is small (a row per segment or policy) and held on the driver, so the tables and the notes agree.
 *
 * @param segmentPolicies segment_service_policy rows, by segment id
 * @param coverage        service_policy_coverage rows, one per catalogue policy
 * @param complexity      service_policy_complexity (one row)
 * @param policies        the same segment_service_policy rows, for notes and counts
 */
public record ServicePlan(Dataset<Row> segmentPolicies, Dataset<Row> coverage, Dataset<Row> complexity,
        List<Row> policies, long coverageRows, Complexity complexityFigures) {
    public ServicePlan {
        requireNonNull(segmentPolicies, "segmentPolicies is null");
        requireNonNull(coverage, "coverage is null");
        requireNonNull(complexity, "complexity is null");
        policies = List.copyOf(policies);
        requireNonNull(complexityFigures, "complexityFigures is null");
    }

    /**
     * How many delivery terms customers asked for against the policies that serve them.
     *
     * @param reductionFactor combinations per policy used (0 without policies)
     */
    public record Complexity(long combinations, int policiesUsed, double reductionFactor, int segments,
            DeliveryTerms.SizeTertiles tertiles) {
        Dataset<Row> row(SparkSession spark) {
            return spark.createDataFrame(List.of(RowFactory.create(combinations, policiesUsed, reductionFactor,
                    segments, tertiles.smallMaxUnits(), tertiles.mediumMaxUnits())), ServicePolicyComplexityTable.SCHEMA);
        }
    }

    /** One line per segment with its policy, then the complexity reduction. */
    public List<String> notes() {
        Stream<String> perSegment = policies.stream().map(row -> String.format(Locale.ROOT,
                "segment %d (%s) -> %s: service level %.2f, at most %d days, %s (%s)",
                row.<Integer>getAs(SegmentServicePolicyTable.SEGMENT_ID),
                row.<String>getAs(SegmentServicePolicyTable.SEGMENT_NAME),
                row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME),
                row.<Double>getAs(SegmentServicePolicyTable.TARGET_SERVICE_LEVEL),
                row.<Integer>getAs(SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS),
                row.<String>getAs(SegmentServicePolicyTable.CONSOLIDATION),
                row.<String>getAs(SegmentServicePolicyTable.MATCHED_RULE)));
        String reduction = String.format(Locale.ROOT, "service policies: %d delivery-term combinations requested,"
                + " served by %d policies (%.1fx fewer)", complexityFigures.combinations(),
                complexityFigures.policiesUsed(), complexityFigures.reductionFactor());
        return Stream.concat(perSegment, Stream.of(reduction)).toList();
    }
}
