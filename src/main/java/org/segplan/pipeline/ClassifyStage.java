package org.segplan.pipeline;

import java.util.List;
import java.util.Optional;
import org.segplan.classify.Classification;
import org.segplan.classify.ClassificationResult;
import org.segplan.contract.CustomerAbcXyzTable;
import org.segplan.contract.CustomerFeaturesTable;
import org.segplan.contract.CustomerRuleSegmentsTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.ProductAbcXyzTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentProfilesTable;
import org.segplan.contract.SegmentRuleCrosstabTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.ServicePolicyComplexityTable;
import org.segplan.contract.ServicePolicyCoverageTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.io.RunIdentity;
import org.segplan.io.TableStore;
import org.segplan.pipeline.StageSpec.TableRead;
import org.segplan.pipeline.StageSpec.TableWrite;

/** Classifies customers beside the data-driven segments (see {@link Classification}) and writes the results. */
public final class ClassifyStage implements Stage {
    public static final String NAME = "classify";

    public static final StageSpec SPEC = new StageSpec(NAME,
            "Domain rule segments, ABC/XYZ of customers and products, and one service policy per segment.",
            List.of(TableRead.required(CustomerFeaturesTable.NAME), TableRead.required(CustomerSegmentsTable.NAME),
                    TableRead.required(SegmentProfilesTable.NAME),
                    TableRead.optional(ValidatedTables.of(ProductsTable.NAME)),
                    TableRead.optional(ValidatedTables.of(TransactionsTable.NAME))),
            // No rule sets configured: no rule segments; no products (a customers-only run): no product classes.
            List.of(TableWrite.mayBeEmpty(CustomerRuleSegmentsTable.NAME),
                    TableWrite.mayBeEmpty(SegmentRuleCrosstabTable.NAME),
                    TableWrite.always(CustomerAbcXyzTable.NAME), TableWrite.mayBeEmpty(ProductAbcXyzTable.NAME),
                    TableWrite.always(SegmentServicePolicyTable.NAME),
                    TableWrite.always(ServicePolicyCoverageTable.NAME),
                    TableWrite.always(ServicePolicyComplexityTable.NAME)),
            false);

    @Override
    public StageSpec spec() {
        return SPEC;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        // Without order lines (a customers-only run) rules and policies still apply; ABC/XYZ classes everyone Z.
        Classification.Inputs frames = new Classification.Inputs(inputs.table(CustomerFeaturesTable.NAME),
                inputs.table(CustomerSegmentsTable.NAME), inputs.table(SegmentProfilesTable.NAME),
                inputs.hasOrderLines() ? inputs.optional(ValidatedTables.of(ProductsTable.NAME)) : Optional.empty(),
                inputs.optional(ValidatedTables.of(TransactionsTable.NAME)));
        TableStore tables = context.tables();
        RunIdentity run = context.run();
        try (ClassificationResult result = Classification.compute(frames, context.config().classify(),
                run.runDate())) {
            tables.replaceRunDate(CustomerRuleSegmentsTable.NAME, result.ruleSegments(), run);
            tables.replaceRunDate(SegmentRuleCrosstabTable.NAME, result.crosstab(), run);
            tables.replaceRunDate(CustomerAbcXyzTable.NAME, result.customerAbcXyz(), run);
            tables.replaceRunDate(ProductAbcXyzTable.NAME, result.productAbcXyz(), run);
            tables.replaceRunDate(SegmentServicePolicyTable.NAME, result.servicePlan().segmentPolicies(), run);
            tables.replaceRunDate(ServicePolicyCoverageTable.NAME, result.servicePlan().coverage(), run);
            tables.replaceRunDate(ServicePolicyComplexityTable.NAME, result.servicePlan().complexity(), run);
            return new StageOutcome(result.counts().stream()
                    .map(count -> TableCounts.output(count.table(), count.rowsIn(), count.rowsOut())).toList(),
                    result.notes());
        }
    }
}
