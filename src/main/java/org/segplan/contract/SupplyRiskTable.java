package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: network and demand risk per segment (null segment: unsegmented demand). */
public final class SupplyRiskTable {
    public static final String NAME = "supply_risk";

    public static final String SEGMENT_ID = "segment_id";
    /** Forecast units of the segment over the horizon. */
    public static final String DEMAND_UNITS = "demand_units";
    /** Share of the segment's delivered units whose zone x period gets everything from one center. */
    public static final String SINGLE_CENTER_DEPENDENCY_SHARE = "single_center_dependency_share";
    /** The center shipping the largest share of the segment's units, and that share. */
    public static final String LARGEST_DC_ID = "largest_dc_id";
    public static final String LARGEST_DC_SHARE = "largest_dc_share";
    /** Herfindahl-Hirschman index of customers' shares of the segment's revenue, in (0, 1]. */
    public static final String CUSTOMER_HHI = "customer_hhi";
    public static final String TOP10_CUSTOMER_REVENUE_SHARE = "top10_customer_revenue_share";
    /** Herfindahl-Hirschman index of regions' shares of the segment's forecast units. */
    public static final String REGION_HHI = "region_hhi";
    /** Coefficient of variation of historical weekly units (weeks without orders count as 0). */
    public static final String WEEKLY_DEMAND_CV = "weekly_demand_cv";
    public static final String WEEKS_OBSERVED = "weeks_observed";

    public static final StructType SCHEMA = new StructType()
            .add(SEGMENT_ID, IntegerType, true)
            .add(DEMAND_UNITS, DoubleType, false)
            .add(SINGLE_CENTER_DEPENDENCY_SHARE, DoubleType, true)
            .add(LARGEST_DC_ID, StringType, true)
            .add(LARGEST_DC_SHARE, DoubleType, true)
            .add(CUSTOMER_HHI, DoubleType, true)
            .add(TOP10_CUSTOMER_REVENUE_SHARE, DoubleType, true)
            .add(REGION_HHI, DoubleType, true)
            .add(WEEKLY_DEMAND_CV, DoubleType, true)
            .add(WEEKS_OBSERVED, LongType, true);

    private SupplyRiskTable() {
    }
}
