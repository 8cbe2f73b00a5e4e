package org.segplan.allocate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.segplan.allocate.model.AllocationProblem;
import org.segplan.allocate.model.Center;
import org.segplan.allocate.model.Demand;
import org.segplan.allocate.model.GreatCircle;
import org.segplan.allocate.model.NetworkDesign;
import org.segplan.allocate.model.Sourcing;
import org.segplan.allocate.model.WeightedKMeans;
import org.segplan.contract.DcCandidateSitesTable;
import org.segplan.contract.DemandZonesTable;
import org.segplan.contract.DistributionCentersTable;
import org.segplan.contract.ZoneSegmentDemandTable;
import org.segplan.error.Errors;

/**
 * The centers as the model sees them, which of them stay open (network design), and new sites to propose. Small
 * collects on the driver: centers, zones and their mean demands are few.
 */
final class CenterNetwork {
    private static final String MEAN_UNITS = "mean_units";

    private CenterNetwork() {
    }

    /** The centers kept open, and the run note saying why (empty when every center stays open). */
    record Opening(Set<String> centerIds, Optional<String> note) {
        Opening {
            centerIds = Set.copyOf(centerIds);
        }
    }

    /** Weekly capacity and fixed cost as loaded, sorted by id; missing costs are zero. */
    static List<Center> centers(Dataset<Row> rows) {
        List<Center> centers = new ArrayList<>();
        for (Row row : rows.orderBy(DistributionCentersTable.DC_ID).collectAsList()) {
            Double fixed = row.getAs(DistributionCentersTable.FIXED_COST);
            Double handling = row.getAs(DistributionCentersTable.HANDLING_COST_PER_UNIT);
            centers.add(new Center(row.getAs(DistributionCentersTable.DC_ID), row.getAs(DistributionCentersTable.LATITUDE),
                    row.getAs(DistributionCentersTable.LONGITUDE), row.getAs(DistributionCentersTable.WEEKLY_CAPACITY_UNITS),
                    handling == null ? 0 : handling, fixed == null ? 0 : fixed));
        }
        if (centers.isEmpty()) {
            throw Errors.noDistributionCenters();
        }
        return centers;
    }

    /**
     * Every center, or those a facility-location MIP on the mean period demand keeps open.
     *
     * @param modelInput zone demand with the zones' latitude and longitude
     */
    static Opening open(PlanSettings settings, List<Center> centers, Dataset<Row> modelInput, int periods) {
        if (!settings.networkDesign().enabled()) {
            return new Opening(new HashSet<>(centers.stream().map(Center::id).toList()), Optional.empty());
        }
        List<Demand> demands = modelInput.groupBy(col(ZoneSegmentDemandTable.ZONE_ID),
                        col(ZoneSegmentDemandTable.SEGMENT_ID), col(ZoneSegmentDemandTable.MAX_LEAD_TIME_DAYS),
                        col(DemandZonesTable.LATITUDE), col(DemandZonesTable.LONGITUDE))
                .agg(sum(ZoneSegmentDemandTable.DEMAND_UNITS).divide(lit(periods)).as(MEAN_UNITS))
                .orderBy(ZoneSegmentDemandTable.ZONE_ID, ZoneSegmentDemandTable.SEGMENT_ID).collectAsList().stream()
                .map(row -> new Demand(row.getString(0), row.isNullAt(1) ? null : row.getInt(1), row.getDouble(3),
                        row.getDouble(4), row.getDouble(5),
                        row.isNullAt(2) ? OptionalDouble.empty() : OptionalDouble.of(row.getDouble(2)))).toList();
        AllocationProblem problem = AllocationProblem.of(demands, centers, settings.costs(),
                settings.unmetDemandPenaltyPerUnit(), Sourcing.SPLIT);
        NetworkDesign.Result design = new NetworkDesign(settings.mipTimeLimitSeconds()).choose(problem,
                settings.networkDesign().maxOpenCenters(), settings.networkDesign().budget());
        if (design.infeasibility().isPresent()) {
            throw Errors.networkDesignInfeasible(design.infeasibility().get().describe());
        }
        List<String> chosen = design.openCenters(centers).stream().map(Center::id).toList();
        return new Opening(new HashSet<>(chosen), Optional.of(String.format(Locale.ROOT,
                "network design (SCIP, %s, gap %.4f) keeps %d of %d centers open: %s; fixed cost %.1f per week, "
                        + "weekly objective %.1f", design.status(), design.gap(), chosen.size(), centers.size(), chosen,
                design.fixedCost(), design.objective())));
    }

    /** dc_candidate_sites: demand-weighted k-means of the zones on their mean period demand. */
    static Dataset<Row> candidateSites(int sites, List<Center> centers, Dataset<Row> zoneDemand, Dataset<Row> zones,
            int periods) {
        List<WeightedKMeans.Point> points = zoneDemand.groupBy(ZoneSegmentDemandTable.ZONE_ID)
                .agg(sum(ZoneSegmentDemandTable.DEMAND_UNITS).divide(lit(periods)).as(MEAN_UNITS))
                .join(zones, DemandZonesTable.ZONE_ID)
                .orderBy(DemandZonesTable.ZONE_ID)
                .select(DemandZonesTable.LATITUDE, DemandZonesTable.LONGITUDE, MEAN_UNITS).collectAsList().stream()
                .map(row -> new WeightedKMeans.Point(row.getDouble(0), row.getDouble(1), row.getDouble(2))).toList();
        List<Row> rows = new ArrayList<>();
        int number = 1;
        for (WeightedKMeans.Site site : WeightedKMeans.cluster(points, sites, 100)) {
            Center nearest = nearest(site.latitude(), site.longitude(), centers);
            rows.add(RowFactory.create(String.format(Locale.ROOT, "SITE%02d", number++), site.latitude(),
                    site.longitude(), site.demandUnits(), site.zones(), nearest.id(),
                    GreatCircle.distanceKm(site.latitude(), site.longitude(), nearest.latitude(), nearest.longitude())));
        }
        return zoneDemand.sparkSession().createDataFrame(rows, DcCandidateSitesTable.SCHEMA);
    }

    /** The center closest by great-circle distance; the first in the list on a tie. */
    static Center nearest(double latitude, double longitude, List<Center> centers) {
        Center nearest = centers.get(0);
        double nearestKm = Double.POSITIVE_INFINITY;
        for (Center center : centers) {
            double km = GreatCircle.distanceKm(latitude, longitude, center.latitude(), center.longitude());
            if (km < nearestKm) {
                nearestKm = km;
                nearest = center;
            }
        }
        return nearest;
    }
}
