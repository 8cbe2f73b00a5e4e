package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: network and demand risk per segment (null segment: unsegmented demand). */
public final class SupplyRiskTable {
    public static final String NAME = "supply_risk";

    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    /** Forecast units of the segment over the horizon. */
    public static final String DEMAND_UNITS = Columns.DEMAND_UNITS;
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

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            nullable(SEGMENT_ID, "Null: unsegmented demand"),
            required(DEMAND_UNITS, "Forecast units of the segment over the horizon"),
            nullable(SINGLE_CENTER_DEPENDENCY_SHARE, DoubleType,
                    "Share of the segment's delivered units whose zone x period gets everything from one center"),
            nullable(LARGEST_DC_ID, StringType, "The center shipping the largest share of the segment's units"),
            nullable(LARGEST_DC_SHARE, DoubleType, "That center's share"),
            nullable(CUSTOMER_HHI, DoubleType,
                    "Herfindahl-Hirschman index of customers' shares of the segment's revenue, in (0, 1]"),
            nullable(TOP10_CUSTOMER_REVENUE_SHARE, DoubleType, "Revenue share of the segment's ten largest customers"),
            nullable(REGION_HHI, DoubleType,
                    "Herfindahl-Hirschman index of regions' shares of the segment's forecast units"),
            nullable(WEEKLY_DEMAND_CV, DoubleType,
                    "Coefficient of variation of historical weekly units (weeks without orders count as 0)"),
            nullable(WEEKS_OBSERVED, LongType, "Weeks of history")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SupplyRiskTable() {
    }
}
