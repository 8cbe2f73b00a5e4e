package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
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
    public static final String NET_VALUE = Columns.NET_VALUE;
    public static final String LINE_SHARE = "line_share";
    public static final String VALUE_SHARE = Columns.VALUE_SHARE;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(HAS_CUSTOMER, BooleanType, "Whether the lines carry a customer id"),
            required(LINES, LongType, "Accepted order lines"),
            nullable(NET_UNITS, DoubleType, "Units ordered minus units returned"),
            nullable(NET_VALUE, "Quantity x unit price, returns subtracted"),
            nullable(LINE_SHARE, DoubleType, "Share of the run's accepted lines"),
            nullable(VALUE_SHARE, "Share of the run's net value")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private DemandSplitTable() {
    }
}
