package org.segplan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.OutputTables;

/**
 * The Delta implementation of {@link TableStore}: every table is Delta under one root, partitioned by run date and
 * written idempotently (replaceWhere on the run date's partition, leaving other dates untouched).
 */
public final class Lakehouse implements TableStore {
    private final SparkSession spark;
    private final String root;

    public Lakehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    @Override
    public String root() {
        return root;
    }

    public String location(String table) {
        return root + "/" + table;
    }

    @Override
    public boolean exists(String table) {
        return DeltaTable.isDeltaTable(spark, location(table));
    }

    /** Conforms the rows to the table's contract ({@link OutputTables#conform}) before it writes them. */
    @Override
    public void replaceRunDate(String table, Dataset<Row> rows, RunIdentity run) {
        String runDate = run.runDate().toString();
        Dataset<Row> stamped = rows.withColumn(OutputColumns.RUN_DATE, lit(Date.valueOf(run.runDate())))
                .withColumn(OutputColumns.RUN_ID, lit(run.runId()));
        OutputTables.conform(table, stamped)
                .write()
                .format("delta")
                .mode("overwrite")
                .partitionBy(OutputColumns.RUN_DATE)
                .option("replaceWhere", OutputColumns.RUN_DATE + " = DATE'" + runDate + "'")
                .option("mergeSchema", "true")
                .save(location(table));
    }

    @Override
    public Dataset<Row> read(String table) {
        return spark.read().format("delta").load(location(table));
    }




    @Override
    public void upsert(String table, Dataset<Row> rows, String... keyColumns) {
        if (!exists(table)) {
            rows.write().format("delta").mode("append").partitionBy(OutputColumns.RUN_DATE).save(location(table));
            return;
        }
        StringBuilder condition = new StringBuilder();
        for (String key : keyColumns) {
            if (condition.length() > 0) {
                condition.append(" AND ");
            }
            condition.append("target.").append(key).append(" = source.").append(key);
        }
        DeltaTable.forPath(spark, location(table)).as("target")
                .merge(rows.as("source"), condition.toString())
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute();
    }
}
