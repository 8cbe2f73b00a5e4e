package org.segplan.pipeline;

import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.sort_array;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.FeatureDictionaryTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.Errors;
import org.segplan.features.CustomerFeatures;
import org.segplan.features.FeatureDictionary;
import org.segplan.features.FeatureVocabulary;

/** Computes {@code customer_features} and its {@code feature_dictionary} from the validated inputs. */
public final class FeaturesStage implements Stage {
    public static final String NAME = "features";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        Dataset<Row> customers = readValidated(context, CustomersTable.NAME).drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
        boolean withTransactions = StageRequirements.hasTransactions(context);
        // Without order lines (transactions not provided) features come from customer attributes alone.
        Dataset<Row> transactions = withTransactions
                ? readValidated(context, TransactionsTable.NAME).drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID)
                : context.spark().createDataFrame(List.of(), TransactionsTable.CONTRACT.schema());
        Dataset<Row> products = readValidatedIfAny(context, ProductsTable.NAME, ProductsTable.CONTRACT.schema());
        FeatureVocabulary vocabulary = vocabulary(transactions, products);
        Dataset<Row> features = CustomerFeatures.compute(customers, transactions, products, context.run().runDate(),
                context.config().features().urgentLeadTimeDays(), vocabulary);
        context.lakehouse().replaceRunDate(CustomerFeaturesTable.NAME, features, context.run());

        List<Row> dictionary = FeatureDictionary.describe(Arrays.asList(features.columns())).stream()
                .map(definition -> RowFactory.create(definition.name(), definition.meaning(), definition.unit(),
                        definition.source()))
                .toList();
        context.lakehouse().replaceRunDate(FeatureDictionaryTable.NAME,
                context.spark().createDataFrame(dictionary, FeatureDictionaryTable.SCHEMA), context.run());

        long customersIn = context.lakehouse().countRunDate(ValidatedTables.of(CustomersTable.NAME), context.run().runDate());
        long rowsOut = context.lakehouse().countRunDate(CustomerFeaturesTable.NAME, context.run().runDate());
        List<String> notes = new ArrayList<>();
        if (!withTransactions) {
            List<String> totals = java.util.stream.Stream.of(CustomersTable.TOTAL_SPEND, CustomersTable.ORDER_COUNT,
                    CustomersTable.LAST_ORDER_DATE).filter(Arrays.asList(customers.columns())::contains).toList();
            notes.add("no transactions for this run date: features from customer attributes only"
                    + (totals.isEmpty() ? " (no CRM totals: monetary and frequency are 0)"
                    : "; value, frequency and recency from the CRM totals " + totals));
        }
        notes.add("share columns for channels " + vocabulary.channels() + ", payment methods "
                + vocabulary.paymentMethods() + ", categories " + vocabulary.categories());
        return new StageOutcome(List.of(TableCounts.output(CustomerFeaturesTable.NAME, customersIn, rowsOut)), notes);
    }

    /** The labels of the share columns, in one pass over the lines (the products table is small). */
    private static FeatureVocabulary vocabulary(Dataset<Row> transactions, Dataset<Row> products) {
        Row labels = transactions.agg(
                sort_array(collect_set(CustomerFeatures.normalizedLabel(TransactionsTable.CHANNEL))),
                sort_array(collect_set(CustomerFeatures.normalizedLabel(TransactionsTable.PAYMENT_METHOD)))).head();
        List<String> categories = products.select(CustomerFeatures.normalizedLabel(ProductsTable.CATEGORY).as("category"))
                .distinct().orderBy("category").collectAsList().stream().map(row -> row.getString(0)).toList();
        return new FeatureVocabulary(labels.getList(0), labels.getList(1), categories);
    }

    /** An optional input's validated rows, or no rows of its contract's schema when it was not provided. */
    private static Dataset<Row> readValidatedIfAny(RunContext context, String input,
            org.apache.spark.sql.types.StructType schema) {
        String table = ValidatedTables.of(input);
        if (context.lakehouse().exists(table)) {
            Dataset<Row> rows = context.lakehouse().readRunDate(table, context.run().runDate());
            if (!rows.isEmpty()) {
                return rows.drop(OutputColumns.RUN_DATE, OutputColumns.RUN_ID);
            }
        }
        return context.spark().createDataFrame(List.of(), schema);
    }

    static Dataset<Row> readValidated(RunContext context, String input) {
        String table = ValidatedTables.of(input);
        if (!context.lakehouse().exists(table)) {
            throw Errors.missingStageInput(NAME, table, context.run().runDate().toString(), "segplan ingest");
        }
        Dataset<Row> rows = context.lakehouse().readRunDate(table, context.run().runDate());
        if (rows.isEmpty()) {
            throw Errors.missingStageInput(NAME, table, context.run().runDate().toString(), "segplan ingest");
        }
        return rows;
    }
}
