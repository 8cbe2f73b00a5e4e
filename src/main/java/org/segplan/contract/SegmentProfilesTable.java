package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Output contract: one row per segment describing who is in it. */
public final class SegmentProfilesTable {
    public static final String NAME = "segment_profiles";

    public static final String SEGMENT_ID = "segment_id";
    public static final String SEGMENT_NAME = "segment_name";
    public static final String CUSTOMERS = "customers";
    public static final String CUSTOMER_SHARE = "customer_share";
    public static final String REVENUE_SHARE = "revenue_share";
    /** The five features that set the segment apart most, with their standardized difference, e.g. "tech_affinity +2.10". */
    public static final String DISTINGUISHING_FEATURES = "distinguishing_features";
    public static final String FEATURE_MEANS = "feature_means";
    public static final String STANDARDIZED_DIFFERENCES = "standardized_differences";

    public static final StructType SCHEMA = new StructType()
            .add(SEGMENT_ID, IntegerType, false)
            .add(SEGMENT_NAME, StringType, false)
            .add(CUSTOMERS, LongType, false)
            .add(CUSTOMER_SHARE, DoubleType, false)
            .add(REVENUE_SHARE, DoubleType, false)
            .add(DISTINGUISHING_FEATURES, StringType, false)
            .add(FEATURE_MEANS, DataTypes.createMapType(StringType, DoubleType), false)
            .add(STANDARDIZED_DIFFERENCES, DataTypes.createMapType(StringType, DoubleType), false);

    private SegmentProfilesTable() {
    }
}
