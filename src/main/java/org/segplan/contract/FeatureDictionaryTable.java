package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: the meaning, unit and source of each column of {@code customer_features} for a run date. */
public final class FeatureDictionaryTable {
    public static final String NAME = "feature_dictionary";

    public static final String FEATURE = Columns.FEATURE;
    public static final String MEANING = "meaning";
    public static final String UNIT = "unit";
    public static final String SOURCE = "source";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(FEATURE),
            required(MEANING, StringType, "What the column measures"),
            required(UNIT, StringType, "Its unit"),
            required(SOURCE, StringType, "The input it comes from")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private FeatureDictionaryTable() {
    }
}
