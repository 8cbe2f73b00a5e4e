package org.segplan.pipeline;

import java.util.List;
import org.segplan.allocate.AllocationInputs;
import org.segplan.allocate.AllocationPlan;
import org.segplan.allocate.AllocationResult;
import org.segplan.contract.AllocationSummaryTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DcAllocationTable;
import org.segplan.contract.DcCandidateSitesTable;
import org.segplan.contract.DcUtilizationTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.DistributionCentersTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.SupplyRiskTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.UnmetDemandTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.contract.ZoneSegmentDemandTable;
import org.segplan.io.RunIdentity;
import org.segplan.io.TableStore;
import org.segplan.pipeline.StageSpec.TableRead;
import org.segplan.pipeline.StageSpec.TableWrite;

/**
 * Reads the forecast and what it is spread over, has {@link AllocationPlan} allocate it to distribution centers,
 * and writes the plan. The plan is complete before the first write: an infeasible period writes nothing.
 */
public final class AllocateStage implements Stage {
    public static final String NAME = "allocate";

    public static final StageSpec SPEC = new StageSpec(NAME,
            "Allocate forecast demand to distribution centers (OR-Tools LP/MIP); compare with nearest-center;"
                    + " supply risk.",
            List.of(TableRead.required(SegmentDemandForecastTable.NAME),
                    TableRead.required(ValidatedTables.of(CustomersTable.NAME)),
                    TableRead.required(ValidatedTables.of(TransactionsTable.NAME)),
                    TableRead.required(ValidatedTables.of(ProductsTable.NAME)),
                    TableRead.required(CustomerSegmentsTable.NAME),
                    TableRead.required(ValidatedTables.of(DistributionCentersTable.NAME)),
                    TableRead.optional(SegmentServicePolicyTable.NAME)),
            List.of(TableWrite.when("when network design is asked for", DcCandidateSitesTable.NAME),
                    TableWrite.always(DemandZonesTable.NAME), TableWrite.always(ZoneSegmentDemandTable.NAME),
                    TableWrite.always(DcAllocationTable.NAME), TableWrite.mayBeEmpty(UnmetDemandTable.NAME),
                    TableWrite.always(DcUtilizationTable.NAME), TableWrite.always(AllocationSummaryTable.NAME),
                    TableWrite.always(SupplyRiskTable.NAME)),
            true);

    @Override
    public StageSpec spec() {
        return SPEC;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        AllocationInputs frames = new AllocationInputs(inputs.table(SegmentDemandForecastTable.NAME),
                inputs.table(ValidatedTables.of(CustomersTable.NAME)),
                inputs.table(ValidatedTables.of(TransactionsTable.NAME)),
                inputs.table(ValidatedTables.of(ProductsTable.NAME)), inputs.table(CustomerSegmentsTable.NAME),
                inputs.table(ValidatedTables.of(DistributionCentersTable.NAME)),
                inputs.optional(SegmentServicePolicyTable.NAME));
        TableStore tables = context.tables();
        RunIdentity run = context.run();
        try (AllocationResult plan = AllocationPlan.compute(frames, context.config().allocation(), run.runDate())) {
            plan.candidateSites().ifPresent(sites -> tables.replaceRunDate(DcCandidateSitesTable.NAME, sites, run));
            tables.replaceRunDate(DemandZonesTable.NAME, plan.demandZones(), run);
            tables.replaceRunDate(ZoneSegmentDemandTable.NAME, plan.zoneSegmentDemand(), run);
            tables.replaceRunDate(DcAllocationTable.NAME, plan.dcAllocation(), run);
            tables.replaceRunDate(UnmetDemandTable.NAME, plan.unmetDemand(), run);
            tables.replaceRunDate(DcUtilizationTable.NAME, plan.dcUtilization(), run);
            tables.replaceRunDate(AllocationSummaryTable.NAME, plan.allocationSummary(), run);
            tables.replaceRunDate(SupplyRiskTable.NAME, plan.supplyRisk(), run);
            return new StageOutcome(List.of(
                    TableCounts.output(DemandZonesTable.NAME, plan.zonedCustomers(), plan.zoneCount()),
                    TableCounts.output(DcAllocationTable.NAME, plan.demandCount(),
                            tables.countRunDate(DcAllocationTable.NAME, run.runDate())),
                    TableCounts.output(AllocationSummaryTable.NAME, plan.periodCount(),
                            tables.countRunDate(AllocationSummaryTable.NAME, run.runDate()))), plan.notes());
        }
    }
}
