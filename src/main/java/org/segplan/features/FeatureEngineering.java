package org.segplan.features;

import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.sort_array;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.FeatureDictionaryTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.TransactionsTable;

/**
 * The features stage's pure entry: validated customers, their order lines (none on a customers-only run) and
 * products in; {@code customer_features}, its {@code feature_dictionary} and the run notes out.
 */
public final class FeatureEngineering {
    private FeatureEngineering() {
    }

    /** What the entry returns. */
    public record Result(Dataset<Row> features, Dataset<Row> dictionary, FeatureVocabulary vocabulary,
            List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param transactions order lines; empty on a run without transactions (features from attributes and CRM totals)
     * @param products     validated products, if any
     * @param urgentLeadTimeDays a requested lead time at or below this many days makes an order urgent
     */
    public static Result compute(Dataset<Row> customers, Optional<Dataset<Row>> transactions,
            Optional<Dataset<Row>> products, LocalDate runDate, int urgentLeadTimeDays) {
        Dataset<Row> lines = transactions.orElseGet(() ->
                customers.sparkSession().createDataFrame(List.of(), TransactionsTable.CONTRACT.schema()));
        Dataset<Row> catalogue = products.orElseGet(() ->
                customers.sparkSession().createDataFrame(List.of(), ProductsTable.CONTRACT.schema()));
        FeatureVocabulary vocabulary = vocabulary(lines, catalogue);
        Dataset<Row> features = CustomerFeatures.compute(customers, lines, catalogue, runDate, urgentLeadTimeDays,
                vocabulary);
        List<Row> dictionary = FeatureDictionary.describe(Arrays.asList(features.columns())).stream()
                .map(definition -> RowFactory.create(definition.name(), definition.meaning(), definition.unit(),
                        definition.source()))
                .toList();
        List<String> notes = new ArrayList<>();
        if (transactions.isEmpty()) {
            List<String> totals = Stream.of(CustomersTable.TOTAL_SPEND, CustomersTable.ORDER_COUNT,
                    CustomersTable.LAST_ORDER_DATE).filter(Arrays.asList(customers.columns())::contains).toList();
            notes.add("no transactions for this run date: features from customer attributes only"
                    + (totals.isEmpty() ? " (no CRM totals: monetary and frequency are 0)"
                    : "; value, frequency and recency from the CRM totals " + totals));
        }
        notes.add("share columns for channels " + vocabulary.channels() + ", payment methods "
                + vocabulary.paymentMethods() + ", categories " + vocabulary.categories());
        return new Result(features,
                customers.sparkSession().createDataFrame(dictionary, FeatureDictionaryTable.SCHEMA), vocabulary, notes);
    }

    /** The labels of the share columns, in one pass over the lines (the products table is small). */
    static FeatureVocabulary vocabulary(Dataset<Row> transactions, Dataset<Row> products) {
        Row labels = transactions.agg(
                sort_array(collect_set(CustomerFeatures.normalizedLabel(TransactionsTable.CHANNEL))),
                sort_array(collect_set(CustomerFeatures.normalizedLabel(TransactionsTable.PAYMENT_METHOD)))).head();
        List<String> categories = products.select(CustomerFeatures.normalizedLabel(ProductsTable.CATEGORY).as("category"))
                .distinct().orderBy("category").collectAsList().stream().map(row -> row.getString(0)).toList();
        return new FeatureVocabulary(labels.getList(0), labels.getList(1), categories);
    }
}
