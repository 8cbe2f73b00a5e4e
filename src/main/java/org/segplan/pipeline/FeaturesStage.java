package org.segplan.pipeline;

import java.util.List;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.FeatureDictionaryTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.features.FeatureEngineering;
import org.segplan.pipeline.StageSpec.TableRead;
import org.segplan.pipeline.StageSpec.TableWrite;

/** Computes {@code customer_features} and its {@code feature_dictionary} from the validated inputs. */
public final class FeaturesStage implements Stage {
    public static final String NAME = "features";
    public static final StageSpec SPEC = new StageSpec(NAME,
            "Compute customer_features and feature_dictionary from the validated inputs.",
            List.of(TableRead.required(ValidatedTables.of(CustomersTable.NAME)),
                    TableRead.optional(ValidatedTables.of(TransactionsTable.NAME)),
                    TableRead.optional(ValidatedTables.of(ProductsTable.NAME))),
            List.of(TableWrite.always(CustomerFeaturesTable.NAME), TableWrite.always(FeatureDictionaryTable.NAME)),
            false);

    @Override
    public StageSpec spec() {
        return SPEC;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        FeatureEngineering.Result result = FeatureEngineering.compute(
                inputs.table(ValidatedTables.of(CustomersTable.NAME)),
                inputs.optional(ValidatedTables.of(TransactionsTable.NAME)),
                inputs.optional(ValidatedTables.of(ProductsTable.NAME)),
                context.run().runDate(), context.config().features().urgentLeadTimeDays());
        context.tables().replaceRunDate(CustomerFeaturesTable.NAME, result.features(), context.run());
        context.tables().replaceRunDate(FeatureDictionaryTable.NAME, result.dictionary(), context.run());
        long customersIn = inputs.table(ValidatedTables.of(CustomersTable.NAME)).count();
        long rowsOut = context.tables().countRunDate(CustomerFeaturesTable.NAME, context.run().runDate());
        return new StageOutcome(List.of(TableCounts.output(CustomerFeaturesTable.NAME, customersIn, rowsOut)),
                result.notes());
    }
}
