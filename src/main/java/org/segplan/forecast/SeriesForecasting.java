package org.segplan.forecast;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Runs the engine over every series in parallel: one group per series, forecast in the task that holds it. */
public final class SeriesForecasting {
    private SeriesForecasting() {
    }

    /** Rows of {@link SeriesInputColumns} (plus regressor columns) to one outcome per series. */
    public static Dataset<SeriesOutcome> forecast(Dataset<Row> seriesRows, SeriesTask task) {
        return seriesRows
                .groupByKey((MapFunction<Row, String>) row -> row.getAs(SeriesInputColumns.SERIES_ID), Encoders.STRING())
                .flatMapGroups(task, Encoders.javaSerialization(SeriesOutcome.class));
    }

    /** One output table's rows from the outcomes. */
    public static Dataset<Row> rows(Dataset<SeriesOutcome> outcomes, StructType schema,
            FlatMapFunction<SeriesOutcome, Row> toRows) {
        return outcomes.flatMap(toRows, Encoders.row(schema));
    }
}
