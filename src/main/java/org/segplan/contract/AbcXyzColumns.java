package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;

/**
 * Columns shared by {@code customer_abc_xyz} and {@code product_abc_xyz}: one row per customer or product with its
 * ABC class (Pareto on net value) and XYZ class (variability of weekly net units) over the same window of full
 * weeks before the run date (segplan.abc-xyz.weeks).
 */
public final class AbcXyzColumns {
    /** Sales minus returns in the window, at transaction prices. */
    public static final String NET_VALUE = Columns.NET_VALUE;
    /** Share of the window's total positive net value (0 for entities with net value <= 0). */
    public static final String VALUE_SHARE = Columns.VALUE_SHARE;
    /** Running value share, sorted by net value descending, ties by id. */
    public static final String CUMULATIVE_VALUE_SHARE = "cumulative_value_share";
    /** A, B or C. */
    public static final String ABC_CLASS = "abc_class";
    /** Mean weekly net units over every week of the window (weeks without demand count as 0). */
    public static final String WEEKLY_MEAN_UNITS = "weekly_mean_units";
    /** Population standard deviation / mean of the weekly net units; null when the mean is not positive. */
    public static final String WEEKLY_CV = "weekly_cv";
    /** X, Y or Z. */
    public static final String XYZ_CLASS = "xyz_class";
    /** The two classes together, e.g. "AX". */
    public static final String ABC_XYZ = "abc_xyz";
    /** False for entities with no sales line in the window: they are Z (and C) by definition. */
    public static final String HAS_DEMAND = "has_demand";

    /** The classification columns after the entity's own columns, in both tables. */
    static final List<ColumnSpec> CLASSIFICATION = List.of(
            nullable(NET_VALUE, "Sales minus returns in the window, at transaction prices"),
            nullable(VALUE_SHARE, "Share of the window's total positive net value (0 for entities with net value <= 0)"),
            nullable(CUMULATIVE_VALUE_SHARE, DoubleType, "Running value share, by net value descending, ties by id"),
            nullable(ABC_CLASS, StringType, "A, B or C"),
            nullable(WEEKLY_MEAN_UNITS, DoubleType,
                    "Mean weekly net units over every week of the window (weeks without demand count as 0)"),
            nullable(WEEKLY_CV, DoubleType,
                    "Population standard deviation / mean of the weekly net units; null when the mean is not positive"),
            nullable(XYZ_CLASS, StringType, "X, Y or Z"),
            nullable(ABC_XYZ, StringType, "The two classes together, e.g. AX"),
            required(HAS_DEMAND, BooleanType, "False for entities with no sales line in the window (Z and C)"));

    private AbcXyzColumns() {
    }
}
