package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract: the meaning, unit and source of each column of {@code customer_features} for a run date. */
public final class FeatureDictionaryTable {
    public static final String NAME = "feature_dictionary";

    public static final String FEATURE = "feature";
    public static final String MEANING = "meaning";
    public static final String UNIT = "unit";
    public static final String SOURCE = "source";

    public static final StructType SCHEMA = new StructType()
            .add(FEATURE, StringType, false)
            .add(MEANING, StringType, false)
            .add(UNIT, StringType, false)
            .add(SOURCE, StringType, false);

    private FeatureDictionaryTable() {
    }
}
