package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: each segment's mean of each model feature, in units of the feature's standard deviation
 * over all customers (segment_id, feature, centroid). The next run matches its segments to these.
 */
public final class SegmentCentroidsTable {
    public static final String NAME = "segment_centroids";

    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String FEATURE = Columns.FEATURE;
    public static final String CENTROID = "centroid";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(SEGMENT_ID),
            key(FEATURE, "A model feature of the run"),
            nullable(CENTROID, DoubleType,
                    "The segment's mean of the feature, in units of its standard deviation over all customers")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentCentroidsTable() {
    }
}
