package org.segplan.io;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.segplan.error.Errors;
import org.segplan.mapping.InputFormat;

/** Reads an external table of customer features (computed elsewhere) for scoring with a saved model. */
public final class FeatureTables {
    private FeatureTables() {
    }

    public static Dataset<Row> read(SparkSession spark, String path, InputFormat format) {
        DataFrameReader reader = spark.read().format(format.sparkName());
        if (format == InputFormat.CSV) {
            // Feature tables are numbers; the scoring casts each model column to double.
            reader = reader.option("header", "true").option("inferSchema", "true");
        }
        try {
            return reader.load(path);
        } catch (Exception exception) {
            if (exception.getMessage() != null && exception.getMessage().contains("PATH_NOT_FOUND")) {
                throw Errors.missingInput("customer features", path, exception);
            }
            throw Errors.unreadableInput("customer features", path, exception);
        }
    }
}
