package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.segplan.classify.AbcXyz;
import org.segplan.classify.DemandWindow;
import org.segplan.classify.DomainRules;
import org.segplan.config.ClassifySettings;
import org.segplan.contract.AbcXyzColumns;
import org.segplan.contract.CustomerAbcXyzTable;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.ProductAbcXyzTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyComplexityTable;
import org.segplan.contract.ServicePolicyCoverageTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.Errors;
import org.segplan.policy.DeliveryTerms;
import org.segplan.policy.ServicePolicies;

/**
 * Classifies customers beside the data-driven segments: domain rule sets, ABC/XYZ of customers and products, and
 * one service policy per segment with the complexity it removes.
 */
public final class ClassifyStage implements Stage {
    public static final String NAME = "classify";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        LocalDate runDate = context.run().runDate();
        ClassifySettings settings = context.config().classify();
        Dataset<Row> features = read(context, CustomerFeaturesTable.NAME, "segplan features");
        Dataset<Row> segments = read(context, CustomerSegmentsTable.NAME, "segplan segment");
        Dataset<Row> profiles = read(context, SegmentProfilesTable.NAME, "segplan segment");
        // Without order lines (a customers-only run) rules and policies still apply; ABC/XYZ classes everyone Z.
        boolean withTransactions = StageRequirements.hasTransactions(context);
        Dataset<Row> products = withTransactions
                ? read(context, ValidatedTables.of(ProductsTable.NAME), "segplan ingest")
                : context.spark().createDataFrame(List.of(), ProductsTable.CONTRACT.schema());
        // Read four times (two ABC/XYZ passes, tertiles, delivery terms): keep the lines rather than rescan Delta.
        Dataset<Row> transactions = (withTransactions
                ? read(context, ValidatedTables.of(TransactionsTable.NAME), "segplan ingest")
                : context.spark().createDataFrame(List.of(), TransactionsTable.CONTRACT.schema()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return classify(context, runDate, settings, features, segments, profiles, products, transactions);
        } finally {
            transactions.unpersist();
        }
    }

    private static StageOutcome classify(RunContext context, LocalDate runDate, ClassifySettings settings,
            Dataset<Row> features, Dataset<Row> segments, Dataset<Row> profiles, Dataset<Row> products,
            Dataset<Row> transactions) {
        // Every configured expression is checked while the plans are built, before anything is written.
        Dataset<Row> ruleSegments = DomainRules.assign(features, settings.ruleSets());
        Dataset<Row> policies = ServicePolicies.assign(withFeatureColumns(ServicePolicies.profileColumns(profiles), features),
                settings.servicePolicies());
        DemandWindow window = DemandWindow.before(runDate, settings.abcXyz().weeks());

        context.lakehouse().replaceRunDate(CustomerRuleSegmentsTable.NAME, ruleSegments, context.run());
        Dataset<Row> writtenRuleSegments = context.lakehouse().readRunDate(CustomerRuleSegmentsTable.NAME, runDate)
                .drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
        context.lakehouse().replaceRunDate(SegmentRuleCrosstabTable.NAME,
                DomainRules.crosstab(writtenRuleSegments, segments), context.run());
        context.lakehouse().replaceRunDate(CustomerAbcXyzTable.NAME,
                AbcXyz.classify(features.select(CustomerAbcXyzTable.CUSTOMER_ID), transactions,
                        CustomerAbcXyzTable.CUSTOMER_ID, window, settings.abcXyz()), context.run());
        context.lakehouse().replaceRunDate(ProductAbcXyzTable.NAME,
                AbcXyz.classify(products.select(ProductAbcXyzTable.PRODUCT_ID, ProductAbcXyzTable.CATEGORY), transactions,
                        ProductAbcXyzTable.PRODUCT_ID, window, settings.abcXyz()), context.run());
        context.lakehouse().replaceRunDate(SegmentServicePolicyTable.NAME, policies, context.run());
        List<Row> policyRows = context.lakehouse().readRunDate(SegmentServicePolicyTable.NAME, runDate)
                .orderBy(SegmentServicePolicyTable.SEGMENT_ID).collectAsList();
        context.lakehouse().replaceRunDate(ServicePolicyCoverageTable.NAME,
                ServicePolicies.coverage(context.lakehouse().readRunDate(SegmentServicePolicyTable.NAME, runDate),
                        profiles, settings.servicePolicies()), context.run());
        Complexity complexity = complexity(context, transactions, policyRows);

        long customers = features.count();
        long productCount = products.count();
        Map<String, Map<String, Long>> ruleCounts = ruleCounts(context, runDate);
        long ruleRows = ruleCounts.values().stream().flatMap(counts -> counts.values().stream())
                .mapToLong(Long::longValue).sum();
        Map<String, Long> customerMatrix = matrix(context, CustomerAbcXyzTable.NAME, runDate);
        Map<String, Long> productMatrix = matrix(context, ProductAbcXyzTable.NAME, runDate);
        List<Row> coverage = context.lakehouse().readRunDate(ServicePolicyCoverageTable.NAME, runDate).collectAsList();

        List<TableCounts> tables = List.of(
                TableCounts.output(CustomerRuleSegmentsTable.NAME, customers * settings.ruleSets().size(), ruleRows),
                TableCounts.output(SegmentRuleCrosstabTable.NAME, ruleRows,
                        context.lakehouse().countRunDate(SegmentRuleCrosstabTable.NAME, runDate)),
                TableCounts.output(CustomerAbcXyzTable.NAME, customers, total(customerMatrix)),
                TableCounts.output(ProductAbcXyzTable.NAME, productCount, total(productMatrix)),
                TableCounts.output(SegmentServicePolicyTable.NAME, profiles.count(), policyRows.size()),
                TableCounts.output(ServicePolicyCoverageTable.NAME, settings.servicePolicies().catalogue().size(),
                        coverage.size()),
                TableCounts.output(ServicePolicyComplexityTable.NAME, 1, 1));
        return new StageOutcome(tables, notes(settings, window, ruleCounts, customerMatrix, productMatrix, policyRows,
                complexity));
    }

    /**
     * A customer_features column no segment has a mean for (every value empty, e.g. lead times in a customers-only
     * run) is still a known name to policy rules: null there, so its rule is false rather than an unknown column.
     */
    private static Dataset<Row> withFeatureColumns(Dataset<Row> profileColumns, Dataset<Row> features) {
        List<String> present = java.util.Arrays.asList(profileColumns.columns());
        Dataset<Row> result = profileColumns;
        for (org.apache.spark.sql.types.StructField field : features.schema().fields()) {
            if (field.dataType() instanceof org.apache.spark.sql.types.NumericType && !present.contains(field.name())) {
                result = result.withColumn(field.name(), org.apache.spark.sql.functions.lit(null).cast("double"));
            }
        }
        return result;
    }

    private record Complexity(long combinations, int policiesUsed, double reductionFactor) {
    }

    private static Complexity complexity(RunContext context, Dataset<Row> transactions, List<Row> policyRows) {
        DeliveryTerms.SizeTertiles tertiles = DeliveryTerms.tertiles(transactions);
        long combinations = DeliveryTerms.distinctCombinations(DeliveryTerms.terms(transactions, tertiles));
        int policiesUsed = (int) policyRows.stream()
                .map(row -> row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME)).distinct().count();
        double reduction = policiesUsed == 0 ? 0.0 : (double) combinations / policiesUsed;
        Row row = RowFactory.create(combinations, policiesUsed, reduction, policyRows.size(), tertiles.smallMaxUnits(),
                tertiles.mediumMaxUnits());
        context.lakehouse().replaceRunDate(ServicePolicyComplexityTable.NAME,
                context.spark().createDataFrame(List.of(row), ServicePolicyComplexityTable.SCHEMA), context.run());
        return new Complexity(combinations, policiesUsed, reduction);
    }

    /** Rule set -> rule segment -> customers, in configuration order of rule sets. */
    private static Map<String, Map<String, Long>> ruleCounts(RunContext context, LocalDate runDate) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        context.config().classify().ruleSets().forEach(ruleSet -> counts.put(ruleSet.name(), new TreeMap<>()));
        context.lakehouse().readRunDate(CustomerRuleSegmentsTable.NAME, runDate)
                .groupBy(CustomerRuleSegmentsTable.RULE_SET, CustomerRuleSegmentsTable.RULE_SEGMENT).count()
                .collectAsList()
                .forEach(row -> counts.computeIfAbsent(row.getString(0), name -> new TreeMap<>())
                        .put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /** abc_xyz class -> entities. */
    private static Map<String, Long> matrix(RunContext context, String table, LocalDate runDate) {
        Map<String, Long> counts = new TreeMap<>();
        context.lakehouse().readRunDate(table, runDate).groupBy(AbcXyzColumns.ABC_XYZ).count().collectAsList()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<String> notes(ClassifySettings settings, DemandWindow window,
            Map<String, Map<String, Long>> ruleCounts, Map<String, Long> customerMatrix, Map<String, Long> productMatrix,
            List<Row> policyRows, Complexity complexity) {
        List<String> notes = new ArrayList<>();
        for (Row row : policyRows) {
            notes.add(String.format(Locale.ROOT, "segment %d (%s) -> %s: service level %.2f, at most %d days, %s (%s)",
                    row.<Integer>getAs(SegmentServicePolicyTable.SEGMENT_ID),
                    row.<String>getAs(SegmentServicePolicyTable.SEGMENT_NAME),
                    row.<String>getAs(SegmentServicePolicyTable.POLICY_NAME),
                    row.<Double>getAs(SegmentServicePolicyTable.TARGET_SERVICE_LEVEL),
                    row.<Integer>getAs(SegmentServicePolicyTable.MAX_LEAD_TIME_DAYS),
                    row.<String>getAs(SegmentServicePolicyTable.CONSOLIDATION),
                    row.<String>getAs(SegmentServicePolicyTable.MATCHED_RULE)));
        }
        notes.add(String.format(Locale.ROOT, "service policies: %d delivery-term combinations requested, served by %d"
                + " policies (%.1fx fewer)", complexity.combinations(), complexity.policiesUsed(),
                complexity.reductionFactor()));
        notes.add("ABC/XYZ over " + window.weeks() + " full weeks " + window.start() + " to "
                + window.endExclusive().minusDays(1) + ": customers " + matrixText(customerMatrix) + "; products "
                + matrixText(productMatrix));
        if (settings.ruleSets().isEmpty()) {
            notes.add("rule sets: none configured (segplan.rules = [])");
        }
        ruleCounts.forEach((ruleSet, counts) -> notes.add("rule set " + ruleSet + ": " + counts));
        return notes;
    }

    /** "A 12/3/40, B ..., C ..." : X/Y/Z counts per ABC class. */
    private static String matrixText(Map<String, Long> counts) {
        List<String> rows = new ArrayList<>();
        for (String abc : List.of("A", "B", "C")) {
            rows.add(abc + " " + counts.getOrDefault(abc + "X", 0L) + "/" + counts.getOrDefault(abc + "Y", 0L) + "/"
                    + counts.getOrDefault(abc + "Z", 0L));
        }
        return "X/Y/Z " + String.join(", ", rows);
    }

    private static Dataset<Row> read(RunContext context, String table, String command) {
        LocalDate runDate = context.run().runDate();
        if (!context.lakehouse().exists(table)) {
            throw Errors.missingStageInput(NAME, table, runDate.toString(), command);
        }
        Dataset<Row> rows = context.lakehouse().readRunDate(table, runDate).drop(OutputColumns.RUN_DATE,
                OutputColumns.RUN_ID);
        if (rows.isEmpty()) {
            throw Errors.missingStageInput(NAME, table, runDate.toString(), command);
        }
        return rows;
    }
}
