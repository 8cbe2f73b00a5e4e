package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: one row per leaf of the shallow decision tree that explains the segments. rule reads like
 * "urgent_order_share > 0.52 AND channel_share_app <= 0.3 -> segment 3"; customers are the customers of the run that
 * reach the leaf, precision the share of them that are in the leaf's segment.
 */
public final class SegmentExplanationsTable {
    public static final String NAME = "segment_explanations";

    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String RULE = "rule";
    public static final String CUSTOMERS = Columns.CUSTOMERS;
    public static final String PRECISION = "precision";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            required(SEGMENT_ID, "The segment the leaf predicts"),
            key(RULE, StringType, "The path to the leaf, e.g. urgent_order_share > 0.52 AND ... -> segment 3"),
            required(CUSTOMERS, "Customers of the run that reach the leaf"),
            required(PRECISION, DoubleType, "Share of them in the leaf's segment")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentExplanationsTable() {
    }
}
