package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Output contract: one row per segment describing who is in it. */
public final class SegmentProfilesTable {
    public static final String NAME = "segment_profiles";

    public static final String SEGMENT_ID = Columns.SEGMENT_ID;
    public static final String SEGMENT_NAME = Columns.SEGMENT_NAME;
    public static final String CUSTOMERS = Columns.CUSTOMERS;
    public static final String CUSTOMER_SHARE = Columns.CUSTOMER_SHARE;
    public static final String REVENUE_SHARE = Columns.REVENUE_SHARE;
    /** The five features that set the segment apart most, with their standardized difference, e.g. "tech_affinity +2.10". */
    public static final String DISTINGUISHING_FEATURES = "distinguishing_features";
    public static final String FEATURE_MEANS = "feature_means";
    public static final String STANDARDIZED_DIFFERENCES = "standardized_differences";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(SEGMENT_ID),
            required(SEGMENT_NAME),
            required(CUSTOMERS, "Customers in the segment"),
            required(CUSTOMER_SHARE),
            required(REVENUE_SHARE),
            required(DISTINGUISHING_FEATURES, StringType,
                    "The five features that set the segment apart most, with their standardized difference"),
            required(FEATURE_MEANS, DataTypes.createMapType(StringType, DoubleType), "Mean of each feature"),
            required(STANDARDIZED_DIFFERENCES, DataTypes.createMapType(StringType, DoubleType),
                    "(segment mean - overall mean) / overall standard deviation, per feature")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentProfilesTable() {
    }
}
