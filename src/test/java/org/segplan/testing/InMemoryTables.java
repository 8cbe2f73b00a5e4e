package org.segplan.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.OutputTables;
import org.segplan.io.RunIdentity;
import org.segplan.io.TableStore;

/**
 * segplan's table store in memory, for tests whose subject is not storage: a write collects its rows into a local
 * relation (so later reads do not recompute the stage's query) and keeps the other run dates' rows, like Delta's
 * replaceWhere; new columns are added as Delta's schema evolution would. Saved models go under a folder.
 */
public final class InMemoryTables implements TableStore {
    private final SparkSession spark;
    private final String root;
    private final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();

    /** @param modelRoot where saved models go (the only files this store writes) */
    public InMemoryTables(SparkSession spark, Path modelRoot) {
        this.spark = spark;
        this.root = modelRoot.toAbsolutePath().toString();
    }

    @Override
    public String root() {
        return root;
    }

    @Override
    public synchronized boolean exists(String table) {
        return tables.containsKey(table);
    }

    /** Conforms the rows to the table's contract, as {@link org.segplan.io.Lakehouse} does, before it keeps them. */
    @Override
    public synchronized void replaceRunDate(String table, Dataset<Row> rows, RunIdentity run) {
        Dataset<Row> stamped = rows.withColumn(OutputColumns.RUN_DATE, lit(Date.valueOf(run.runDate())))
                .withColumn(OutputColumns.RUN_ID, lit(run.runId()));
        Dataset<Row> written = local(OutputTables.conform(table, stamped));
        Dataset<Row> existing = tables.get(table);
        if (existing != null) {
            Dataset<Row> kept = existing.where(col(OutputColumns.RUN_DATE).notEqual(lit(Date.valueOf(run.runDate()))));
            written = local(kept.unionByName(written, true));
        }
        tables.put(table, written);
    }

    @Override
    public synchronized void upsert(String table, Dataset<Row> rows, String... keyColumns) {
        Dataset<Row> existing = tables.get(table);
        if (existing == null) {
            tables.put(table, local(rows));
            return;
        }
        Column matched = null;
        for (String key : keyColumns) {
            Column equal = existing.col(key).eqNullSafe(rows.col(key));
            matched = matched == null ? equal : matched.and(equal);
        }
        Dataset<Row> unmatched = existing.join(rows, matched, "left_anti");
        tables.put(table, local(unmatched.unionByName(rows, true)));
    }

    @Override
    public synchronized Dataset<Row> read(String table) {
        Dataset<Row> rows = tables.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("no table " + table + " in memory; tables: " + tables.keySet());
        }
        return rows;
    }

    /** The names of the tables written so far. */
    public synchronized List<String> names() {
        return List.copyOf(tables.keySet());
    }

    private Dataset<Row> local(Dataset<Row> rows) {
        List<Row> collected = rows.collectAsList();
        Dataset<Row> frame = spark.createDataFrame(collected, rows.schema());
        return frame.select(Arrays.stream(rows.columns()).map(name -> col("`" + name + "`")).toArray(Column[]::new));
    }
}
