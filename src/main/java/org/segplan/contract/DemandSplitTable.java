package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: accepted order lines with and without a customer id (written by ingest when
 * {@code segplan.validation.anonymous-transactions = keep}). Lines without a customer are demand that
 * forecasting counts; segmentation only sees the lines with one. Units and value are net of returns.
 */
public final class DemandSplitTable {
    public static final String NAME = "demand_split";

    public static final String HAS_CUSTOMER = "has_customer";
    public static final String LINES = "lines";
    public static final String NET_UNITS = "net_units";
    public static final String NET_VALUE = "net_value";
    public static final String LINE_SHARE = "line_share";
    public static final String VALUE_SHARE = "value_share";

    public static final StructType SCHEMA = new StructType()
            .add(HAS_CUSTOMER, BooleanType, false)
            .add(LINES, LongType, false)
            .add(NET_UNITS, DoubleType, true)
            .add(NET_VALUE, DoubleType, true)
            .add(LINE_SHARE, DoubleType, true)
            .add(VALUE_SHARE, DoubleType, true);

    private DemandSplitTable() {
    }
}
