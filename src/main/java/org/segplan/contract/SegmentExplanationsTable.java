package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * Output contract: one row per leaf of the shallow decision tree that explains the segments. rule reads like
 * "urgent_order_share > 0.52 AND channel_share_app <= 0.3 -> segment 3"; customers are the customers of the run that
 * reach the leaf, precision the share of them that are in the leaf's segment.
 */
public final class SegmentExplanationsTable {
    public static final String NAME = "segment_explanations";

    public static final String SEGMENT_ID = "segment_id";
    public static final String RULE = "rule";
    public static final String CUSTOMERS = "customers";
    public static final String PRECISION = "precision";

    public static final StructType SCHEMA = new StructType()
            .add(SEGMENT_ID, IntegerType, false)
            .add(RULE, StringType, false)
            .add(CUSTOMERS, LongType, false)
            .add(PRECISION, DoubleType, false);

    private SegmentExplanationsTable() {
    }
}
