package org.segplan.classify;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.AbcXyzColumns;
import org.segplan.contract.CustomerAbcXyzTable;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.ProductAbcXyzTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyComplexityTable;
import org.segplan.contract.ServicePolicyCoverageTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.policy.ServicePlan;
import org.segplan.policy.ServicePolicies;

/**
 * Classifies customers beside the data-driven segments: domain rule sets, ABC/XYZ of customers and products, and
 * one service policy per segment with the complexity it removes. Every configured expression is checked while the
 * plans are built, so a typo fails before the caller writes anything.
 */
public final class Classification {
    private Classification() {
    }

    /**
     * @param features     customer_features rows
     * @param segments     customer_segments rows (customer_id, segment_id)
     * @param profiles     segment_profiles rows
     * @param products     validated products; empty: no product is classified
     * @param transactions validated order lines; empty (a customers-only run): every customer is C and Z
     */
    public record Inputs(Dataset<Row> features, Dataset<Row> segments, Dataset<Row> profiles,
            Optional<Dataset<Row>> products, Optional<Dataset<Row>> transactions) {
        public Inputs {
            requireNonNull(features, "features is null");
            requireNonNull(segments, "segments is null");
            requireNonNull(profiles, "profiles is null");
            requireNonNull(products, "products is null");
            requireNonNull(transactions, "transactions is null");
        }
    }

    /** @return the tables, their counts and the notes; close it after writing */
    public static ClassificationResult compute(Inputs inputs, ClassifySettings settings, LocalDate runDate) {
        SparkSession spark = inputs.features().sparkSession();
        Dataset<Row> products = inputs.products()
                .orElseGet(() -> spark.createDataFrame(List.of(), ProductsTable.CONTRACT.schema()));
        // Read four times (two ABC/XYZ passes, tertiles, delivery terms): kept rather than rescanned.
        Dataset<Row> transactions = inputs.transactions()
                .orElseGet(() -> spark.createDataFrame(List.of(), TransactionsTable.CONTRACT.schema()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<Row>> persisted = new ArrayList<>(List.of(transactions));
        try {
            Dataset<Row> ruleSegments = DomainRules.assign(inputs.features(), settings.ruleSets());
            ServicePlan plan = ServicePolicies.plan(inputs.profiles(), inputs.features(), transactions,
                    settings.servicePolicies());
            // The crosstab is small: held on the driver, it also gives the customers per rule segment.
            Dataset<Row> crosstabRows = DomainRules.crosstab(ruleSegments, inputs.segments());
            List<Row> crosstab = crosstabRows.collectAsList();
            Map<String, Map<String, Long>> ruleCounts = ruleCounts(settings, crosstab);
            DemandWindow window = DemandWindow.before(runDate, settings.abcXyz().weeks());
            Dataset<Row> customerClasses = AbcXyz.classify(inputs.features().select(CustomerAbcXyzTable.CUSTOMER_ID),
                    transactions, CustomerAbcXyzTable.CUSTOMER_ID, window, settings.abcXyz())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            persisted.add(customerClasses);
            Dataset<Row> productClasses = AbcXyz.classify(
                    products.select(ProductAbcXyzTable.PRODUCT_ID, ProductAbcXyzTable.CATEGORY), transactions,
                    ProductAbcXyzTable.PRODUCT_ID, window, settings.abcXyz()).persist(StorageLevel.MEMORY_AND_DISK());
            persisted.add(productClasses);
            Map<String, Long> customerMatrix = matrix(customerClasses);
            Map<String, Long> productMatrix = matrix(productClasses);

            long customers = inputs.features().count();
            long ruleRows = total(ruleCounts.values().stream().flatMap(counts -> counts.values().stream()).toList());
            List<ClassificationResult.Count> counts = List.of(
                    new ClassificationResult.Count(CustomerRuleSegmentsTable.NAME,
                            customers * settings.ruleSets().size(), ruleRows),
                    new ClassificationResult.Count(SegmentRuleCrosstabTable.NAME, ruleRows, crosstab.size()),
                    new ClassificationResult.Count(CustomerAbcXyzTable.NAME, customers,
                            total(customerMatrix.values())),
                    new ClassificationResult.Count(ProductAbcXyzTable.NAME, products.count(),
                            total(productMatrix.values())),
                    new ClassificationResult.Count(SegmentServicePolicyTable.NAME, inputs.profiles().count(),
                            plan.policies().size()),
                    new ClassificationResult.Count(ServicePolicyCoverageTable.NAME,
                            settings.servicePolicies().catalogue().size(), plan.coverageRows()),
                    new ClassificationResult.Count(ServicePolicyComplexityTable.NAME, 1, 1));
            List<String> notes = new ArrayList<>(plan.notes());
            notes.add("ABC/XYZ over " + window.weeks() + " full weeks " + window.start() + " to "
                    + window.endExclusive().minusDays(1) + ": customers " + matrixText(customerMatrix)
                    + "; products " + matrixText(productMatrix));
            if (settings.ruleSets().isEmpty()) {
                notes.add("rule sets: none configured (segplan.rules = [])");
            }
            ruleCounts.forEach((ruleSet, segments) -> notes.add("rule set " + ruleSet + ": " + segments));
            return new ClassificationResult(ruleSegments, spark.createDataFrame(crosstab, crosstabRows.schema()),
                    customerClasses, productClasses, plan, counts, notes, persisted);
        } catch (RuntimeException failure) {
            persisted.forEach(Dataset::unpersist);
            throw failure;
        }
    }

    /** Rule set -> rule segment -> customers, in configuration order of rule sets, from the crosstab. */
    static Map<String, Map<String, Long>> ruleCounts(ClassifySettings settings, List<Row> crosstab) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        settings.ruleSets().forEach(ruleSet -> counts.put(ruleSet.name(), new TreeMap<>()));
        for (Row row : crosstab) {
            counts.computeIfAbsent(row.getAs(SegmentRuleCrosstabTable.RULE_SET), name -> new TreeMap<>())
                    .merge(row.getAs(SegmentRuleCrosstabTable.RULE_SEGMENT),
                            row.<Long>getAs(SegmentRuleCrosstabTable.CUSTOMERS), Long::sum);
        }
        return counts;
    }

    /** abc_xyz class -> entities. */
    private static Map<String, Long> matrix(Dataset<Row> classified) {
        Map<String, Long> counts = new TreeMap<>();
        classified.groupBy(AbcXyzColumns.ABC_XYZ).count().collectAsList()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    private static long total(Collection<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** "X/Y/Z A 12/3/40, B ..., C ...": X/Y/Z counts per ABC class. */
    static String matrixText(Map<String, Long> counts) {
        List<String> rows = new ArrayList<>();
        for (String abc : List.of("A", "B", "C")) {
            rows.add(abc + " " + counts.getOrDefault(abc + "X", 0L) + "/" + counts.getOrDefault(abc + "Y", 0L) + "/"
                    + counts.getOrDefault(abc + "Z", 0L));
        }
        return "X/Y/Z " + String.join(", ", rows);
    }
}
