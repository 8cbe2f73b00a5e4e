package org.segplan.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.error.SegplanException;
import org.segplan.io.RunIdentity;
import org.segplan.pipeline.StageSpec;
import org.segplan.pipeline.Stages;
import org.segplan.testing.InMemoryTables;
import org.segplan.testing.SharedSpark;

class OutputTablesTest {
    @TempDir
    Path models;

    private static List<String> writtenTables() {
        List<String> tables = new ArrayList<>();
        Stream.concat(Stages.specs().stream(), Stages.otherSpecs().stream())
                .map(StageSpec::writtenTables).forEach(tables::addAll);
        tables.add(PipelineRunsTable.NAME);
        return tables;
    }

    @Test
    void everyTableAStageWritesHasARegisteredContract() {
        List<String> tables = writtenTables();
        assertTrue(tables.size() > 40, "the specs list the tables: " + tables);
        List<String> without = tables.stream().filter(table -> OutputTables.find(table).isEmpty()).toList();
        assertEquals(List.of(), without, "tables written without a contract");
        for (String table : tables) {
            assertEquals(table, OutputTables.contract(table).name());
        }
    }

    @Test
    void everyValidatedInputHasTheInputContractsColumns() {
        for (TableContract input : InputTables.ALL) {
            TableContract validated = OutputTables.contract(ValidatedTables.of(input.name()));
            assertEquals(input.columnNames(), validated.columnNames(), input.name());
            for (ColumnSpec column : input.columns()) {
                assertEquals(column.type(), validated.column(column.name()).orElseThrow().type(), column.name());
            }
        }
    }

    @Test
    void aTableWithoutAContractCannotBeWritten() {
        SegplanException error = assertThrows(SegplanException.class,
                () -> OutputTables.contract("customer_moods"));
        assertTrue(error.getMessage().contains("'customer_moods'"), error.getMessage());
        assertTrue(error.getMessage().contains("no contract"), error.getMessage());

        InMemoryTables tables = new InMemoryTables(SharedSpark.get(), models);
        RunIdentity run = RunIdentity.of(LocalDate.of(2025, 12, 31), "0123456789abcdef0123456789abcdef", "test");
        SegplanException writeError = assertThrows(SegplanException.class, () -> tables.replaceRunDate(
                "customer_moods", SharedSpark.get().range(3).toDF("customer_id"), run));
        assertTrue(writeError.getMessage().contains("'customer_moods'"), writeError.getMessage());
        assertTrue(tables.names().isEmpty(), "nothing was kept: " + tables.names());
    }

    @Test
    void everySharedColumnHasOneDefinitionAndOneTypeInEveryTable() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : Columns.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        Set<String> defined = new TreeSet<>();
        Columns.all().forEach(definition -> defined.add(definition.name()));
        assertEquals(constants, defined, "every name in Columns is defined once, with a type");

        List<String> mismatches = new ArrayList<>();
        for (TableContract contract : OutputTables.all()) {
            for (ColumnSpec column : contract.columns()) {
                if (defined.contains(column.name())
                        && !Columns.definition(column.name()).type().equals(column.type())) {
                    mismatches.add(contract.name() + "." + column.name() + " is " + column.type().simpleString());
                }
            }
        }
        assertEquals(List.of(), mismatches, "a shared column has the vocabulary's type wherever it appears");
    }

    @Test
    void storedContractsEndWithTheRunColumnsOnce() {
        for (TableContract contract : OutputTables.all()) {
            List<String> stored = OutputTables.stored(contract.name()).columnNames();
            assertEquals(1, stored.stream().filter(Columns.RUN_DATE::equals).count(), contract.name());
            assertEquals(1, stored.stream().filter(Columns.RUN_ID::equals).count(), contract.name());
        }
        assertEquals(QualityChecksTable.STORED_SCHEMA, OutputTables.stored(QualityChecksTable.NAME).schema());
        assertEquals(QuarantineTable.SCHEMA, OutputTables.stored(QuarantineTable.NAME).schema());
        assertEquals(PipelineRunsTable.CONTRACT.columnNames(), OutputTables.stored(PipelineRunsTable.NAME).columnNames(),
                "pipeline_runs places run_id and run_date first itself");
    }

    /**
     * The tables whose schema used to be whatever the stage selected: the contract keeps the names, order and types
     * earlier versions wrote, so their Delta tables keep working.
     */
    @Test
    void contractsOfFormerlyUndeclaredTablesKeepTheWrittenColumns() {
        assertSameColumns("customer_id STRING, segment_id INT, segment_label STRING, membership_probability DOUBLE, "
                + "runner_up_segment_id INT, is_borderline BOOLEAN, algorithm STRING, k INT",
                CustomerSegmentsTable.CONTRACT.schema());
        assertSameColumns("segment_id INT, feature STRING, centroid DOUBLE", SegmentCentroidsTable.CONTRACT.schema());
        assertSameColumns("from_segment_id INT, to_segment_id INT, customers BIGINT, previous_run_date DATE",
                SegmentMigrationsTable.CONTRACT.schema());
        String classification = "net_value DOUBLE, value_share DOUBLE, cumulative_value_share DOUBLE, "
                + "abc_class STRING, weekly_mean_units DOUBLE, weekly_cv DOUBLE, xyz_class STRING, abc_xyz STRING, "
                + "has_demand BOOLEAN";
        assertSameColumns("customer_id STRING, " + classification, CustomerAbcXyzTable.CONTRACT.schema());
        assertSameColumns("product_id STRING, category STRING, " + classification, ProductAbcXyzTable.CONTRACT.schema());
        StructType features = CustomerFeaturesTable.CONTRACT.schema();
        StructType behaviour = new StructType(Arrays.copyOfRange(features.fields(),
                CustomersTable.CONTRACT.columns().size(), features.fields().length));
        assertSameColumns("age INT, recency_days INT, frequency BIGINT, average_order_value DOUBLE, "
                + "order_value_cv DOUBLE, units_per_order DOUBLE, order_size_cv DOUBLE, mean_days_between_orders DOUBLE, "
                + "cv_days_between_orders DOUBLE, median_requested_lead_time_days DOUBLE, urgent_order_share DOUBLE, "
                + "new_product_spend_share DOUBLE, mature_product_spend_share DOUBLE, seasonality_concentration DOUBLE, "
                + "monetary DOUBLE, return_rate DOUBLE, has_transactions BOOLEAN, tenure_days INT, log_frequency DOUBLE, "
                + "log_monetary DOUBLE, log_average_order_value DOUBLE", behaviour);
        assertEquals(CustomersTable.CONTRACT.columnNames(),
                CustomerFeaturesTable.CONTRACT.columnNames().subList(0, CustomersTable.CONTRACT.columns().size()),
                "customer_features carries every column of the customers contract, first");
    }

    private static void assertSameColumns(String ddl, StructType actual) {
        StructType expected = StructType.fromDDL(ddl);
        assertEquals(List.of(expected.fieldNames()), List.of(actual.fieldNames()));
        for (StructField field : expected.fields()) {
            assertEquals(field.dataType(), actual.apply(field.name()).dataType(), field.name());
        }
    }
}
