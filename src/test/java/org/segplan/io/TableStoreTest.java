package org.segplan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.contract.FeatureDictionaryTable;
import org.segplan.contract.OutputColumns;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;

/**
 * The store's guarantees, tested once and directly: on Delta (the real thing) and on the in-memory store the stage
 * tests use, which must behave the same. A write replaces exactly its run date and other dates stay; the ledger's
 * upsert (Delta's MERGE) updates the rows of a rerun instead of adding more. Delta alone: a table written by an
 * earlier version with fewer columns takes the new columns (schema evolution), and every earlier version stays
 * readable by time travel.
 */
class TableStoreTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 11, 30);
    private static final LocalDate SECOND = LocalDate.of(2025, 12, 31);
    private static final String TABLE = FeatureDictionaryTable.NAME;

    @TempDir
    Path folder;

    @Test
    void deltaReplacesExactlyOneRunDateAndKeepsEveryVersion() {
        Lakehouse delta = new Lakehouse(SharedSpark.get(), folder.resolve("lakehouse").toString());
        assertReplacesOneDateAndUpsertsTheLedger(delta);
        // Time travel: version 0 is the first write of the first date, as it was.
        Dataset<Row> firstVersion = SharedSpark.get().read().format("delta").option("versionAsOf", 0)
                .load(delta.location(TABLE));
        assertEquals(List.of("a=1", "b=2"), values(firstVersion));
        assertTrue(Files.isDirectory(folder.resolve("lakehouse").resolve(TABLE).resolve("_delta_log")));
    }

    @Test
    void theInMemoryStoreBehavesLikeDelta() {
        assertReplacesOneDateAndUpsertsTheLedger(new InMemoryTables(SharedSpark.get(), folder.resolve("models")));
    }

    @Test
    void aDeltaTableOfAnEarlierVersionTakesTheNewColumns() {
        SparkSession spark = SharedSpark.get();
        Lakehouse delta = new Lakehouse(spark, folder.resolve("evolving").toString());
        // As an earlier version wrote it: without the unit and source columns.
        frame(spark, "a", 1).drop(FeatureDictionaryTable.UNIT, FeatureDictionaryTable.SOURCE)
                .withColumn(OutputColumns.RUN_DATE, lit(Date.valueOf(FIRST))).withColumn(OutputColumns.RUN_ID, lit("old"))
                .write().format("delta").partitionBy(OutputColumns.RUN_DATE).save(delta.location(TABLE));
        delta.replaceRunDate(TABLE, frame(spark, "b", 2), run(SECOND));
        assertTrue(List.of(delta.read(TABLE).columns()).containsAll(
                List.of(FeatureDictionaryTable.UNIT, FeatureDictionaryTable.SOURCE)));
        assertEquals("unit of b", delta.readRunDate(TABLE, SECOND).head().getAs(FeatureDictionaryTable.UNIT));
        Row old = delta.readRunDate(TABLE, FIRST).head();
        assertEquals("1", old.getAs(FeatureDictionaryTable.MEANING));
        assertTrue(old.isNullAt(old.fieldIndex(FeatureDictionaryTable.UNIT)));
    }

    private void assertReplacesOneDateAndUpsertsTheLedger(TableStore store) {
        SparkSession spark = SharedSpark.get();
        assertFalse(store.exists(TABLE));
        assertEquals(0, store.countRunDate(TABLE, FIRST));
        assertFalse(store.hasRows(TABLE, FIRST));
        store.replaceRunDate(TABLE, frame(spark, "a", 1, "b", 2), run(FIRST));
        store.replaceRunDate(TABLE, frame(spark, "c", 3), run(SECOND));
        // A rerun of the second date replaces its rows only.
        store.replaceRunDate(TABLE, frame(spark, "d", 4, "e", 5), run(SECOND));
        assertEquals(List.of("a=1", "b=2"), values(store.readRunDate(TABLE, FIRST)));
        assertEquals(List.of("d=4", "e=5"), values(store.readRunDate(TABLE, SECOND)));
        assertEquals(2, store.countRunDate(TABLE, SECOND));
        assertTrue(store.hasRows(TABLE, SECOND));
        assertEquals(Optional.of(FIRST), store.previousRunDate(TABLE, SECOND));
        assertEquals(Optional.empty(), store.previousRunDate(TABLE, FIRST));
        assertEquals(run(SECOND).runId(), store.readRunDate(TABLE, SECOND).head().getAs(OutputColumns.RUN_ID));
        assertTrue(store.readRunDate(TABLE, SECOND).where(col(OutputColumns.RUN_DATE).notEqual(lit(Date.valueOf(SECOND))))
                .isEmpty());

        // The ledger: a rerun's rows replace the matching (run id, stage, table) rows; a new table is added.
        RunLedger ledger = new RunLedger(spark, store);
        ledger.record(run(SECOND), List.of(entry("ingest", "customers", 10L), entry("ingest", "products", 5L)));
        ledger.record(run(SECOND), List.of(entry("ingest", "customers", 12L), entry("ingest", "calendar", 3L)));
        List<String> rows = store.readRunDate(PipelineRunsTable.NAME, SECOND).orderBy(PipelineRunsTable.TABLE_NAME)
                .collectAsList().stream().map(row -> row.getAs(PipelineRunsTable.TABLE_NAME) + "="
                        + row.getAs(PipelineRunsTable.ROWS_IN)).toList();
        assertEquals(List.of("calendar=3", "customers=12", "products=5"), rows);
    }

    /** Rows of feature_dictionary: feature id, meaning the number, unit and source named after the feature. */
    private static Dataset<Row> frame(SparkSession spark, Object... idsAndNumbers) {
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < idsAndNumbers.length; index += 2) {
            String id = (String) idsAndNumbers[index];
            rows.add(RowFactory.create(id, String.valueOf(idsAndNumbers[index + 1]), "unit of " + id, "source of " + id));
        }
        return spark.createDataFrame(rows, FeatureDictionaryTable.SCHEMA);
    }

    private static List<String> values(Dataset<Row> rows) {
        return rows.orderBy(FeatureDictionaryTable.FEATURE).collectAsList().stream()
                .map(row -> row.getAs(FeatureDictionaryTable.FEATURE) + "=" + row.getAs(FeatureDictionaryTable.MEANING))
                .toList();
    }

    private static LedgerEntry entry(String stage, String table, long rowsIn) {
        return new LedgerEntry(stage, table, PipelineRunsTable.SUCCEEDED, rowsIn, rowsIn, 0L, rowsIn, Instant.now(),
                1.0, null);
    }

    private static RunIdentity run(LocalDate runDate) {
        return RunIdentity.of(runDate, "0123456789abcdef0123456789abcdef", "test");
    }
}
