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

/**
 * The only place segplan writes tables. Every table is Delta under one root, partitioned by run date and
 * written idempotently: a write replaces exactly its run date's partition, leaving other dates untouched.
 */
public final class Lakehouse {
    private final SparkSession spark;
    private final String root;

    public Lakehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String root() {
        return root;
    }

    public String location(String table) {
        return root + "/" + table;
    }

    public boolean exists(String table) {
        return DeltaTable.isDeltaTable(spark, location(table));
    }

    /** Replaces the run date's rows of a table with these rows, stamped with the run date and run id. */
    public void replaceRunDate(String table, Dataset<Row> rows, RunIdentity run) {
        String runDate = run.runDate().toString();
        rows.withColumn(OutputColumns.RUN_DATE, lit(Date.valueOf(run.runDate())))
                .withColumn(OutputColumns.RUN_ID, lit(run.runId()))
                .write()
                .format("delta")
                .mode("overwrite")
                .partitionBy(OutputColumns.RUN_DATE)
                .option("replaceWhere", OutputColumns.RUN_DATE + " = DATE'" + runDate + "'")
                .option("mergeSchema", "true")
                .save(location(table));
    }

    public Dataset<Row> read(String table) {
        return spark.read().format("delta").load(location(table));
    }

    public Dataset<Row> readRunDate(String table, LocalDate runDate) {
        return read(table).where(col(OutputColumns.RUN_DATE).equalTo(lit(Date.valueOf(runDate))));
    }

    /** The rows of the latest run date before this one, if the table has any. */
    public Optional<LocalDate> previousRunDate(String table, LocalDate runDate) {
        if (!exists(table)) {
            return Optional.empty();
        }
        Row latest = read(table).where(col(OutputColumns.RUN_DATE).lt(lit(Date.valueOf(runDate))))
                .agg(org.apache.spark.sql.functions.max(OutputColumns.RUN_DATE)).head();
        return latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getDate(0).toLocalDate());
    }

    public long countRunDate(String table, LocalDate runDate) {
        if (!exists(table)) {
            return 0;
        }
        return readRunDate(table, runDate).count();
    }

    /** Inserts or updates rows matched on the given key columns (used by the run ledger). */
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
