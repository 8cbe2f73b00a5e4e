package org.segplan.allocate;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one allocation produced: a frame per output table (in its contract's columns), the run notes and the counts
 * behind them. The frames read solver results kept in memory: write them, then {@link #close()} to release those.
 *
 * @param candidateSites dc_candidate_sites, when network-design.candidate-sites asks for sites
 * @param zonedCustomers customers placed in a zone
 * @param demandCount zone x segment x period demands (rows of zone_segment_demand)
 * @param periodCount forecast periods, one model each
 * @param cached frames kept in memory for the outputs, released by {@link #close()}
 */
public record AllocationResult(
        Dataset<Row> demandZones,
        Dataset<Row> zoneSegmentDemand,
        Dataset<Row> dcAllocation,
        Dataset<Row> unmetDemand,
        Dataset<Row> dcUtilization,
        Dataset<Row> allocationSummary,
        Dataset<Row> supplyRisk,
        Optional<Dataset<Row>> candidateSites,
        List<String> notes,
        long zonedCustomers,
        long zoneCount,
        long demandCount,
        int periodCount,
        List<Dataset<?>> cached) implements AutoCloseable {
    public AllocationResult {
        requireNonNull(demandZones, "demandZones is null");
        requireNonNull(zoneSegmentDemand, "zoneSegmentDemand is null");
        requireNonNull(dcAllocation, "dcAllocation is null");
        requireNonNull(unmetDemand, "unmetDemand is null");
        requireNonNull(dcUtilization, "dcUtilization is null");
        requireNonNull(allocationSummary, "allocationSummary is null");
        requireNonNull(supplyRisk, "supplyRisk is null");
        requireNonNull(candidateSites, "candidateSites is null");
        notes = List.copyOf(notes);
        cached = List.copyOf(cached);
    }

    /** Releases the solver results and zones kept in memory; the frames are recomputed if read afterwards. */
    @Override
    public void close() {
        cached.forEach(Dataset::unpersist);
    }
}
