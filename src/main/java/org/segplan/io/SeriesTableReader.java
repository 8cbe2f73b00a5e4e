package org.segplan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.segplan.contract.SeriesForecastTable;
import org.segplan.error.Errors;
import org.segplan.mapping.InputFormat;

/**
 * Reads a long-format series table for forecast-series: series_id, period (a date), value (a number; empty on
 * rows that only carry future regressor values) and any number of 0/1 regressor columns.
 */
public final class SeriesTableReader {
    private final SparkSession spark;

    public SeriesTableReader(SparkSession spark) {
        this.spark = spark;
    }

    /** The table, typed: series_id string, period date, value double, every other column double. */
    public SeriesTable read(String path, InputFormat format) {
        DataFrameReader reader = spark.read().format(format.sparkName());
        if (format.isText()) {
            reader = reader.option("header", "true").option("inferSchema", "false");
        }
        Dataset<Row> source;
        try {
            source = reader.load(path);
        } catch (Exception exception) {
            if (exception.getMessage() != null && exception.getMessage().contains("PATH_NOT_FOUND")) {
                throw Errors.missingInput("series", path, exception);
            }
            throw Errors.unreadableInput("series", path, exception);
        }
        Map<String, StructField> byName = new LinkedHashMap<>();
        for (StructField field : source.schema().fields()) {
            byName.put(field.name().trim().toLowerCase(Locale.ROOT), field);
        }
        List<String> required = List.of(SeriesForecastTable.INPUT_SERIES_ID, SeriesForecastTable.INPUT_PERIOD,
                SeriesForecastTable.INPUT_VALUE);
        List<String> missing = required.stream().filter(name -> !byName.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw Errors.missingColumns("series", missing, byName.keySet());
        }
        List<Column> columns = new ArrayList<>();
        columns.add(col(quoted(byName.get(SeriesForecastTable.INPUT_SERIES_ID).name())).cast(DataTypes.StringType)
                .as(SeriesForecastTable.INPUT_SERIES_ID));
        columns.add(to_date(col(quoted(byName.get(SeriesForecastTable.INPUT_PERIOD).name())).cast(DataTypes.StringType))
                .as(SeriesForecastTable.INPUT_PERIOD));
        columns.add(col(quoted(byName.get(SeriesForecastTable.INPUT_VALUE).name())).cast(DataTypes.DoubleType)
                .as(SeriesForecastTable.INPUT_VALUE));
        List<String> regressors = new ArrayList<>();
        for (Map.Entry<String, StructField> entry : byName.entrySet()) {
            if (required.contains(entry.getKey())) {
                continue;
            }
            if (!format.isText() && !(entry.getValue().dataType() instanceof org.apache.spark.sql.types.NumericType)
                    && !(entry.getValue().dataType() instanceof org.apache.spark.sql.types.BooleanType)) {
                throw Errors.invalidSeriesColumn(path, entry.getKey(), entry.getValue().dataType().simpleString(),
                        "0/1 numbers");
            }
            columns.add(col(quoted(entry.getValue().name())).cast(DataTypes.DoubleType).as(entry.getKey()));
            regressors.add(entry.getKey());
        }
        Dataset<Row> typed = source.select(columns.toArray(Column[]::new));
        if (typed.isEmpty()) {
            throw Errors.emptyInput("series", path);
        }
        return new SeriesTable(typed.where(col(SeriesForecastTable.INPUT_SERIES_ID).isNotNull()
                .and(col(SeriesForecastTable.INPUT_PERIOD).isNotNull())),
                regressors);
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The typed rows and the names of their regressor columns. */
    public record SeriesTable(Dataset<Row> rows, List<String> regressors) {
        public SeriesTable {
            regressors = List.copyOf(regressors);
        }
    }
}
