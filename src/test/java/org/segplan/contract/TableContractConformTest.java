package org.segplan.contract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.error.SegplanException;
import org.segplan.io.Lakehouse;
import org.segplan.io.RunIdentity;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;

class TableContractConformTest {
    private static final RunIdentity RUN = RunIdentity.of(LocalDate.of(2025, 12, 31), "0123456789abcdef0123456789abcdef", "test");

    private final SparkSession spark = SharedSpark.get();

    @TempDir
    Path directory;

    /** segment_centroids as a stage might produce it: columns out of order, segment_id a long. */
    private Dataset<Row> centroidsOutOfOrder() {
        StructType schema = new StructType()
                .add(SegmentCentroidsTable.CENTROID, DataTypes.DoubleType, false)
                .add(SegmentCentroidsTable.FEATURE, DataTypes.StringType, true)
                .add(SegmentCentroidsTable.SEGMENT_ID, DataTypes.LongType, false);
        return spark.createDataFrame(List.of(RowFactory.create(1.5, "urgent_order_share", 2L),
                RowFactory.create(-0.5, "log_average_order_value", 1L)), schema);
    }

    @Test
    void conformSelectsTheContractsColumnsInOrderAndCastsThem() {
        Dataset<Row> conformed = SegmentCentroidsTable.CONTRACT.conform(centroidsOutOfOrder());

        assertEquals(List.of("segment_id", "feature", "centroid"), List.of(conformed.columns()));
        assertEquals(DataTypes.IntegerType, conformed.schema().apply("segment_id").dataType());
        List<Row> rows = conformed.orderBy("segment_id").collectAsList();
        assertEquals(RowFactory.create(1, "log_average_order_value", -0.5), rows.get(0));
        assertEquals(RowFactory.create(2, "urgent_order_share", 1.5), rows.get(1));
    }

    @Test
    void conformLeavesNullabilityAsItIs() {
        StructType conformed = SegmentCentroidsTable.CONTRACT.conform(centroidsOutOfOrder()).schema();

        // feature is a key (not null in the contract) but was nullable in the frame; centroid the other way round.
        assertTrue(conformed.apply("feature").nullable());
        assertFalse(conformed.apply("centroid").nullable());
        assertFalse(conformed.apply("segment_id").nullable(), "a cast from long to int keeps a non-null column non-null");
    }

    @Test
    void anUndeclaredColumnFailsNamingTableAndColumn() {
        Dataset<Row> withExtra = centroidsOutOfOrder().withColumn("__scratch", lit(1));

        SegplanException error = assertThrows(SegplanException.class,
                () -> SegmentCentroidsTable.CONTRACT.conform(withExtra));

        assertTrue(error.getMessage().contains("'segment_centroids'"), error.getMessage());
        assertTrue(error.getMessage().contains("'__scratch'"), error.getMessage());
        assertTrue(error.getMessage().contains("not in the table's contract"), error.getMessage());
    }

    @Test
    void aMissingRequiredColumnFailsNamingTableAndColumn() {
        Dataset<Row> withoutCentroid = centroidsOutOfOrder().drop(SegmentCentroidsTable.CENTROID);

        SegplanException error = assertThrows(SegplanException.class,
                () -> SegmentCentroidsTable.CONTRACT.conform(withoutCentroid));

        assertTrue(error.getMessage().contains("'segment_centroids'"), error.getMessage());
        assertTrue(error.getMessage().contains("'centroid'"), error.getMessage());
        assertTrue(error.getMessage().contains("required"), error.getMessage());
    }

    @Test
    void aNullableColumnIsStillRequired() {
        Dataset<Row> scores = spark.createDataFrame(List.of(RowFactory.create("C1", 1, "S1", null)), new StructType()
                .add("customer_id", DataTypes.StringType).add("segment_id", DataTypes.IntegerType)
                .add("segment_label", DataTypes.StringType).add("membership_probability", DataTypes.DoubleType));

        SegplanException error = assertThrows(SegplanException.class,
                () -> CustomerSegmentScoresTable.CONTRACT.conform(scores));

        assertTrue(error.getMessage().contains("'runner_up_segment_id'"), error.getMessage());
    }

    @Test
    void aColumnThatCannotBeCastFailsNamingIt() {
        Dataset<Row> mapped = centroidsOutOfOrder().withColumn(SegmentCentroidsTable.CENTROID,
                org.apache.spark.sql.functions.map(lit("a"), lit(1.0)));

        SegplanException error = assertThrows(SegplanException.class,
                () -> SegmentCentroidsTable.CONTRACT.conform(mapped));

        assertTrue(error.getMessage().contains("'centroid'"), error.getMessage());
        assertTrue(error.getMessage().contains("double"), error.getMessage());
    }

    /** A customer_features frame with customer_id, every behaviour feature but age, then the given extra columns. */
    private Dataset<Row> features(List<StructField> extra, List<Object> extraValues) {
        List<StructField> fields = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (StructField field : CustomerFeaturesTable.CONTRACT.schema().fields()) {
            boolean attribute = CustomersTable.CONTRACT.column(field.name()).isPresent();
            if (field.name().equals(CustomersTable.CUSTOMER_ID)
                    || !attribute && !field.name().equals(CustomerFeaturesTable.AGE)) {
                fields.add(new StructField(field.name(), field.dataType(), true, field.metadata()));
                values.add(sample(field));
            }
        }
        fields.addAll(extra);
        values.addAll(extraValues);
        // The stage's order differs from the contract's: behaviour first, attributes last.
        List<StructField> reversed = new ArrayList<>(fields);
        java.util.Collections.reverse(reversed);
        Dataset<Row> frame = spark.createDataFrame(List.of(RowFactory.create(values.toArray())),
                new StructType(fields.toArray(StructField[]::new)));
        return frame.select(reversed.stream().map(field -> col(field.name())).toArray(Column[]::new));
    }

    private static Object sample(StructField field) {
        if (field.dataType().equals(DataTypes.StringType)) {
            return "C1";
        }
        if (field.dataType().equals(DataTypes.IntegerType)) {
            return 3;
        }
        if (field.dataType().equals(DataTypes.LongType)) {
            return 4L;
        }
        if (field.dataType().equals(DataTypes.BooleanType)) {
            return true;
        }
        return 0.25;
    }

    @Test
    void customerFeaturesAcceptFamiliesAndCarriedColumnsInTheirPlace() {
        Dataset<Row> frame = features(List.of(
                        DataTypes.createStructField("category_share_vehicle", DataTypes.FloatType, true),
                        DataTypes.createStructField("channel_share_app", DataTypes.DoubleType, true),
                        DataTypes.createStructField("payment_share_card", DataTypes.DoubleType, true),
                        DataTypes.createStructField("channel_share_online", DataTypes.DoubleType, true),
                        DataTypes.createStructField(CustomersTable.REGION, DataTypes.StringType, true),
                        DataTypes.createStructField(CustomersTable.BIRTH_YEAR, DataTypes.IntegerType, true),
                        DataTypes.createStructField(CustomerFeaturesTable.AGE, DataTypes.IntegerType, true)),
                List.of(0.5f, 0.75, 1.0, 0.25, "north", 1980, 45));

        Dataset<Row> conformed = CustomerFeaturesTable.CONTRACT.conform(frame);

        List<String> columns = List.of(conformed.columns());
        assertEquals(List.of("customer_id", "birth_year", "region", "age", "recency_days"), columns.subList(0, 5),
                "carried attributes first, in contract order, then age, then the behaviour features");
        int urgent = columns.indexOf(CustomerFeaturesTable.URGENT_ORDER_SHARE);
        // The frame has its columns reversed, so the stage produced channel_share_online before channel_share_app.
        assertEquals(List.of("channel_share_online", "channel_share_app", "payment_share_card", "category_share_vehicle",
                        CustomerFeaturesTable.NEW_PRODUCT_SPEND_SHARE), columns.subList(urgent + 1, urgent + 6),
                "families follow urgent_order_share, family by family, each in the stage's order");
        assertEquals(DataTypes.DoubleType, conformed.schema().apply("category_share_vehicle").dataType(),
                "family columns are cast to the family's type");
        assertEquals(0.5, conformed.first().getDouble(columns.indexOf("category_share_vehicle")), 1e-9);
        assertEquals(frame.columns().length, columns.size(), "nothing dropped, nothing added");
    }

    @Test
    void customerFeaturesRejectAnUndeclaredColumn() {
        Dataset<Row> frame = features(List.of(
                        DataTypes.createStructField("favourite_colour", DataTypes.StringType, true)),
                List.of("teal"));

        SegplanException error = assertThrows(SegplanException.class,
                () -> CustomerFeaturesTable.CONTRACT.conform(frame));

        assertTrue(error.getMessage().contains("'customer_features'"), error.getMessage());
        assertTrue(error.getMessage().contains("'favourite_colour'"), error.getMessage());
        assertTrue(error.getMessage().contains("channel_share_<label>"), "the message lists the families");
    }

    @Test
    void customerFeaturesRejectABarePrefix() {
        Dataset<Row> frame = features(List.of(
                        DataTypes.createStructField(CustomerFeaturesTable.CHANNEL_SHARE_PREFIX, DataTypes.DoubleType, true)),
                List.of(0.5));

        SegplanException error = assertThrows(SegplanException.class,
                () -> CustomerFeaturesTable.CONTRACT.conform(frame));

        assertTrue(error.getMessage().contains("'channel_share_'"), error.getMessage());
    }

    @Test
    void customerFeaturesNeedTheCustomerIdAndTheDeclaredTypes() {
        Dataset<Row> withoutId = features(List.of(), List.of()).drop(CustomersTable.CUSTOMER_ID);
        SegplanException missing = assertThrows(SegplanException.class,
                () -> CustomerFeaturesTable.CONTRACT.conform(withoutId));
        assertTrue(missing.getMessage().contains("'customer_id'"), missing.getMessage());

        Dataset<Row> badType = features(List.of(), List.of()).withColumn(CustomerFeaturesTable.URGENT_ORDER_SHARE,
                org.apache.spark.sql.functions.array(lit(1.0)));
        SegplanException cast = assertThrows(SegplanException.class,
                () -> CustomerFeaturesTable.CONTRACT.conform(badType));
        assertTrue(cast.getMessage().contains("'urgent_order_share'"), cast.getMessage());
    }

    @Test
    void customerFeaturesMayBeWrittenWithASubsetOfTheFeatures() {
        Dataset<Row> subset = features(List.of(), List.of()).select(CustomerFeaturesTable.MONETARY,
                CustomersTable.CUSTOMER_ID, CustomerFeaturesTable.FREQUENCY);

        Dataset<Row> conformed = CustomerFeaturesTable.CONTRACT.conform(subset);

        assertEquals(List.of("customer_id", "frequency", "monetary"), List.of(conformed.columns()));
    }

    @Test
    void theInMemoryWriterConformsAndRejects() {
        InMemoryTables tables = new InMemoryTables(spark, directory);

        tables.replaceRunDate(SegmentCentroidsTable.NAME, centroidsOutOfOrder(), RUN);

        Dataset<Row> stored = tables.read(SegmentCentroidsTable.NAME);
        assertEquals(List.of("segment_id", "feature", "centroid", "run_date", "run_id"), List.of(stored.columns()));
        assertEquals(DataTypes.IntegerType, stored.schema().apply("segment_id").dataType());
        SegplanException error = assertThrows(SegplanException.class, () -> tables.replaceRunDate(
                SegmentCentroidsTable.NAME, centroidsOutOfOrder().withColumn("k", lit(5)), RUN));
        assertTrue(error.getMessage().contains("'segment_centroids'") && error.getMessage().contains("'k'"),
                error.getMessage());
        assertEquals(2, tables.read(SegmentCentroidsTable.NAME).count(), "the rejected write left the table as it was");
    }

    @Test
    void theDeltaWriterConformsAndRejectsBeforeWriting() {
        Lakehouse lakehouse = new Lakehouse(spark, directory.resolve("lakehouse").toString());

        SegplanException error = assertThrows(SegplanException.class, () -> lakehouse.replaceRunDate(
                SegmentCentroidsTable.NAME, centroidsOutOfOrder().drop(SegmentCentroidsTable.FEATURE), RUN));
        assertTrue(error.getMessage().contains("'feature'"), error.getMessage());
        assertFalse(lakehouse.exists(SegmentCentroidsTable.NAME), "nothing was written");

        lakehouse.replaceRunDate(SegmentCentroidsTable.NAME, centroidsOutOfOrder(), RUN);

        Dataset<Row> stored = lakehouse.readRunDate(SegmentCentroidsTable.NAME, RUN.runDate());
        assertEquals(List.of("segment_id", "feature", "centroid", "run_date", "run_id"), List.of(stored.columns()));
        assertEquals(DataTypes.IntegerType, stored.schema().apply("segment_id").dataType());
        Row first = stored.orderBy("segment_id").first();
        assertEquals(1, first.getInt(0));
        assertEquals(Date.valueOf(RUN.runDate()), first.getDate(3));
        assertEquals(RUN.runId(), first.getString(4));
    }
}
