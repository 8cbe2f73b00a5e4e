package org.segplan.policy;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyCoverageTable;

/**
 * "One need, one solution": maps every data-driven segment to exactly one service policy of the catalogue, by the
 * first assignment rule its profile satisfies, else the default policy.
 */
public final class ServicePolicies {
    /** matched_rule of segments no assignment rule matched. */
    public static final String DEFAULT_RULE = "default-policy (no assignment rule matched)";
    private static final String CHOICE = "__policy";

    private ServicePolicies() {
    }

    /**
     * The service plan of a run: a policy per segment (by the first assignment rule its profile satisfies), the
     * catalogue's coverage, and the delivery-term combinations the policies replace. Every assignment rule is
     * checked against the profile columns here, so a typo fails before anything is written.
     *
     * @param profiles     segment_profiles rows
     * @param features     customer_features: a numeric column no segment has a mean for is null to the rules
     * @param transactions validated order lines (may be empty)
     */
    public static ServicePlan plan(Dataset<Row> profiles, Dataset<Row> features, Dataset<Row> transactions,
            ServicePolicySettings settings) {
        SparkSession spark = profiles.sparkSession();
        Dataset<Row> assigned = assign(withFeatureColumns(profileColumns(profiles), features), settings);
        List<Row> policies = assigned.orderBy(SegmentServicePolicyTable.SEGMENT_ID).collectAsList();
        Dataset<Row> segmentPolicies = spark.createDataFrame(policies, assigned.schema());
        Dataset<Row> coverage = coverage(segmentPolicies, profiles, settings);
        List<Row> coverageRows = coverage.collectAsList();
        DeliveryTerms.SizeTertiles tertiles = DeliveryTerms.tertiles(transactions);
        long combinations = DeliveryTerms.distinctCombinations(DeliveryTerms.terms(transactions, tertiles));
        int policiesUsed = (int) policies.stream()
                .map(row -> row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME)).distinct().count();
        double reduction = policiesUsed == 0 ? 0.0 : (double) combinations / policiesUsed;
        ServicePlan.Complexity complexity = new ServicePlan.Complexity(combinations, policiesUsed, reduction,
                policies.size(), tertiles);
        return new ServicePlan(segmentPolicies, spark.createDataFrame(coverageRows, coverage.schema()),
                complexity.row(spark), policies, coverageRows.size(), complexity);
    }

    /**
     * A customer_features column no segment has a mean for (every value empty, e.g. lead times in a customers-only
     * run) is still a known name to policy rules: null there, so its rule is false rather than an unknown column.
     */
    static Dataset<Row> withFeatureColumns(Dataset<Row> profileColumns, Dataset<Row> features) {
        List<String> present = Arrays.asList(profileColumns.columns());
        Dataset<Row> result = profileColumns;
        for (StructField field : features.schema().fields()) {
            if (field.dataType() instanceof NumericType && !present.contains(field.name())) {
                result = result.withColumn(field.name(), lit(null).cast("double"));
            }
        }
        return result;
    }

    /**
     * One row per segment with the columns assignment rules see: segment_id, segment_name, customers, customer_share,
     * revenue_share and one column per key of feature_means (null where a segment lacks the key).
     */
    public static Dataset<Row> profileColumns(Dataset<Row> profiles) {
        // Metadata collect: the distinct feature names (tens), not per-segment work.
        List<String> features = profiles.select(explode(map_keys(col(SegmentProfilesTable.FEATURE_MEANS))).as("feature"))
                .distinct().orderBy("feature").collectAsList().stream().map(row -> row.getString(0)).toList();
        List<Column> columns = new ArrayList<>(List.of(col(SegmentProfilesTable.SEGMENT_ID),
                col(SegmentProfilesTable.SEGMENT_NAME), col(SegmentProfilesTable.CUSTOMERS),
                col(SegmentProfilesTable.CUSTOMER_SHARE), col(SegmentProfilesTable.REVENUE_SHARE)));
        for (String feature : features) {
            columns.add(col(SegmentProfilesTable.FEATURE_MEANS).getItem(feature).as(feature));
        }
        return profiles.select(columns.toArray(Column[]::new));
    }

    /** @return segment_service_policy rows, one per row of {@code profileColumns} */
    public static Dataset<Row> assign(Dataset<Row> profileColumns, ServicePolicySettings settings) {
        Column chosen = null;
        for (int index = 0; index < settings.assignment().size(); index++) {
            PolicyAssignment rule = settings.assignment().get(index);
            String described = "rule " + (index + 1) + ": " + rule.when();
            Column condition = BooleanExpressions.condition(profileColumns,
                    "Service-policy assignment " + (index + 1) + " (policy '" + rule.policy() + "')", rule.when());
            Column outcome = outcome(settings.policy(rule.policy()), described);
            chosen = chosen == null ? when(condition, outcome) : chosen.when(condition, outcome);
        }
        Column fallback = outcome(settings.policy(settings.defaultPolicy()), DEFAULT_RULE);
        chosen = chosen == null ? fallback : chosen.otherwise(fallback);
        Dataset<Row> assigned = profileColumns.select(col(SegmentProfilesTable.SEGMENT_ID),
                col(SegmentProfilesTable.SEGMENT_NAME), chosen.as(CHOICE));
        List<Column> output = new ArrayList<>(List.of(col(SegmentServicePolicyTable.SEGMENT_ID),
                col(SegmentServicePolicyTable.SEGMENT_NAME)));
        for (String field : SegmentServicePolicyTable.SCHEMA.fieldNames()) {
            if (!field.equals(SegmentServicePolicyTable.SEGMENT_ID) && !field.equals(SegmentServicePolicyTable.SEGMENT_NAME)) {
                output.add(col(CHOICE + "." + field));
            }
        }
        return assigned.select(output.toArray(Column[]::new));
    }

    private static Column outcome(ServicePolicy policy, String matchedRule) {
        return struct(lit(policy.name()).as(SegmentServicePolicyTable.POLICY_NAME),
                lit(policy.targetServiceLevel()).as(SegmentServicePolicyTable.TARGET_SERVICE_LEVEL),
                lit(policy.maxLeadTimeDays()).as(SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS),
                lit(policy.consolidation().configName()).as(SegmentServicePolicyTable.CONSOLIDATION),
                lit(matchedRule).as(SegmentServicePolicyTable.MATCHED_RULE));
    }

    /**
     * @param assigned segment_service_policy rows
     * @param profiles segment_profiles rows (customers, shares)
     * @return service_policy_coverage rows: one per catalogue policy, in catalogue order of names
     */
    public static Dataset<Row> coverage(Dataset<Row> assigned, Dataset<Row> profiles, ServicePolicySettings settings) {
        List<Row> catalogue = settings.catalogue().stream().map(policy -> RowFactory.create(policy.name(),
                policy.targetServiceLevel(), policy.maxLeadTimeDays(), policy.consolidation().configName())).toList();
        StructType catalogueSchema = new StructType()
                .add(ServicePolicyCoverageTable.POLICY_NAME, DataTypes.StringType, false)
                .add(ServicePolicyCoverageTable.TARGET_SERVICE_LEVEL, DataTypes.DoubleType, false)
                .add(ServicePolicyCoverageTable.MAX_LEAD_TIME_DAYS, DataTypes.IntegerType, false)
                .add(ServicePolicyCoverageTable.CONSOLIDATION, DataTypes.StringType, false);
        Dataset<Row> policies = assigned.sparkSession().createDataFrame(catalogue, catalogueSchema);
        Dataset<Row> covered = assigned.select(col(SegmentServicePolicyTable.SEGMENT_ID),
                        col(SegmentServicePolicyTable.POLICY_NAME).as(ServicePolicyCoverageTable.POLICY_NAME))
                .join(profiles.select(SegmentProfilesTable.SEGMENT_ID, SegmentProfilesTable.CUSTOMERS,
                        SegmentProfilesTable.CUSTOMER_SHARE, SegmentProfilesTable.REVENUE_SHARE),
                        SegmentProfilesTable.SEGMENT_ID)
                .groupBy(ServicePolicyCoverageTable.POLICY_NAME)
                .agg(count(lit(1)).cast("int").as(ServicePolicyCoverageTable.SEGMENTS),
                        array_sort(collect_list(SegmentProfilesTable.SEGMENT_ID)).as(ServicePolicyCoverageTable.SEGMENT_IDS),
                        sum(SegmentProfilesTable.CUSTOMERS).as(ServicePolicyCoverageTable.CUSTOMERS),
                        sum(SegmentProfilesTable.CUSTOMER_SHARE).as(ServicePolicyCoverageTable.CUSTOMER_SHARE),
                        sum(SegmentProfilesTable.REVENUE_SHARE).as(ServicePolicyCoverageTable.REVENUE_SHARE));
        return policies.join(covered, ServicePolicyCoverageTable.POLICY_NAME, "left")
                .select(col(ServicePolicyCoverageTable.POLICY_NAME),
                        col(ServicePolicyCoverageTable.TARGET_SERVICE_LEVEL),
                        col(ServicePolicyCoverageTable.MAX_LEAD_TIME_DAYS),
                        col(ServicePolicyCoverageTable.CONSOLIDATION),
                        coalesce(col(ServicePolicyCoverageTable.SEGMENTS), lit(0)).as(ServicePolicyCoverageTable.SEGMENTS),
                        coalesce(col(ServicePolicyCoverageTable.SEGMENT_IDS),
                                org.apache.spark.sql.functions.array().cast("array<int>"))
                                .as(ServicePolicyCoverageTable.SEGMENT_IDS),
                        coalesce(col(ServicePolicyCoverageTable.CUSTOMERS), lit(0L)).as(ServicePolicyCoverageTable.CUSTOMERS),
                        coalesce(col(ServicePolicyCoverageTable.CUSTOMER_SHARE), lit(0.0))
                                .as(ServicePolicyCoverageTable.CUSTOMER_SHARE),
                        coalesce(col(ServicePolicyCoverageTable.REVENUE_SHARE), lit(0.0))
                                .as(ServicePolicyCoverageTable.REVENUE_SHARE));
    }
}
