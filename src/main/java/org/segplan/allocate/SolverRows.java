package org.segplan.allocate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.AllocationSummaryTable;
import org.segplan.contract.DcAllocationTable;
import org.segplan.contract.DcUtilizationTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.UnmetDemandTable;

/**
 * The output tables as projections of {@link PeriodAllocator}'s rows, one per record type, with the zone names
 * joined in where a table carries them.
 */
final class SolverRows {
    private SolverRows() {
    }

    /** Every period's diagnosis, in period order: empty when every period has a plan. */
    static List<String> diagnoses(Dataset<Row> results) {
        return ofType(results, PeriodAllocator.DIAGNOSIS).orderBy(PeriodAllocator.PERIOD_START).collectAsList().stream()
                .map(row -> "period " + row.getAs(PeriodAllocator.PERIOD_START) + ": "
                        + row.getAs(PeriodAllocator.MESSAGE)).toList();
    }

    static Dataset<Row> allocation(Dataset<Row> results, Dataset<Row> zones) {
        return withZoneNames(ofType(results, PeriodAllocator.FLOW), zones)
                .select(col(DcAllocationTable.ZONE_ID), col(DcAllocationTable.ZONE_NAME), col(DcAllocationTable.SEGMENT_ID),
                        col(DcAllocationTable.DC_ID), col(DcAllocationTable.PERIOD_START), col(DcAllocationTable.UNITS),
                        col(PeriodAllocator.UNITS).divide(col(PeriodAllocator.DEMAND_UNITS))
                                .as(DcAllocationTable.SHARE_OF_ZONE_DEMAND),
                        col(DcAllocationTable.COST), col(DcAllocationTable.LEAD_TIME_DAYS), col(DcAllocationTable.DISTANCE_KM));
    }

    static Dataset<Row> unmet(Dataset<Row> results, Dataset<Row> zones) {
        return withZoneNames(ofType(results, PeriodAllocator.UNMET), zones)
                .select(col(UnmetDemandTable.ZONE_ID), col(UnmetDemandTable.ZONE_NAME), col(UnmetDemandTable.SEGMENT_ID),
                        col(UnmetDemandTable.PERIOD_START), col(UnmetDemandTable.DEMAND_UNITS),
                        col(PeriodAllocator.UNITS).as(UnmetDemandTable.UNMET_UNITS), col(UnmetDemandTable.UNMET_COST));
    }

    static Dataset<Row> utilization(Dataset<Row> results) {
        return ofType(results, PeriodAllocator.CENTER)
                .select(col(DcUtilizationTable.DC_ID), col(DcUtilizationTable.PERIOD_START),
                        col(PeriodAllocator.UNITS).as(DcUtilizationTable.LOAD_UNITS), col(DcUtilizationTable.CAPACITY_UNITS),
                        when(col(PeriodAllocator.CAPACITY_UNITS).gt(0),
                                col(PeriodAllocator.UNITS).divide(col(PeriodAllocator.CAPACITY_UNITS))).otherwise(0.0)
                                .as(DcUtilizationTable.UTILIZATION),
                        col(DcUtilizationTable.IS_OPEN));
    }

    static Dataset<Row> summary(Dataset<Row> results) {
        return ofType(results, PeriodAllocator.SUMMARY)
                .select(col(AllocationSummaryTable.PERIOD_START), col(AllocationSummaryTable.OBJECTIVE),
                        col(AllocationSummaryTable.SOLVER), col(AllocationSummaryTable.SOLVER_STATUS),
                        col(AllocationSummaryTable.OPTIMALITY_GAP), col(AllocationSummaryTable.GREEDY_COST),
                        col(PeriodAllocator.GREEDY_COST).minus(col(PeriodAllocator.OBJECTIVE)).as(AllocationSummaryTable.SAVINGS),
                        when(col(PeriodAllocator.GREEDY_COST).gt(0), col(PeriodAllocator.GREEDY_COST)
                                .minus(col(PeriodAllocator.OBJECTIVE)).divide(col(PeriodAllocator.GREEDY_COST)))
                                .as(AllocationSummaryTable.SAVINGS_SHARE),
                        col(PeriodAllocator.UNITS).as(AllocationSummaryTable.UNMET_UNITS),
                        col(AllocationSummaryTable.UNMET_COST), col(AllocationSummaryTable.GREEDY_CAPACITY_BREACHES),
                        col(AllocationSummaryTable.GREEDY_SERVICE_BREACHES), col(AllocationSummaryTable.FIXED_COST),
                        col(AllocationSummaryTable.DEMAND_UNITS));
    }

    private static Dataset<Row> ofType(Dataset<Row> results, String recordType) {
        return results.where(col(PeriodAllocator.RECORD_TYPE).equalTo(recordType));
    }

    private static Dataset<Row> withZoneNames(Dataset<Row> rows, Dataset<Row> zones) {
        return rows.join(zones.select(DemandZonesTable.ZONE_ID, DemandZonesTable.ZONE_NAME), DemandZonesTable.ZONE_ID);
    }
}
