package org.segplan.quality;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.TableContract;
import org.segplan.contract.TransactionsTable;
import org.segplan.testing.SharedSpark;

class RowChecksTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 31);
    private final SparkSession spark = SharedSpark.get();

    /** Text rows for a contract: each map gives the non-null cells, keyed by column name, plus a row tag. */
    private Dataset<Row> text(TableContract contract, List<Map<String, String>> rows) {
        StructType schema = new StructType();
        for (String name : contract.columnNames()) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        List<Row> data = new ArrayList<>();
        for (Map<String, String> cells : rows) {
            data.add(RowFactory.create(contract.columnNames().stream().map(cells::get).toArray()));
        }
        return spark.createDataFrame(data, schema);
    }

    private static Map<String, String> line(String order, String... overrides) {
        Map<String, String> cells = new HashMap<>(Map.of(
                TransactionsTable.ORDER_ID, order,
                TransactionsTable.LINE_NUMBER, "1",
                TransactionsTable.CUSTOMER_ID, "C1",
                TransactionsTable.PRODUCT_ID, "P1",
                TransactionsTable.ORDER_TIMESTAMP, "2025-06-01 10:00:00",
                TransactionsTable.QUANTITY, "2",
                TransactionsTable.UNIT_PRICE, "9.5",
                TransactionsTable.IS_RETURN, "false",
                TransactionsTable.REQUESTED_LEAD_TIME_DAYS, "3"));
        for (int index = 0; index < overrides.length; index += 2) {
            cells.put(overrides[index], overrides[index + 1]);
        }
        return cells;
    }

    private Map<String, String> reasonsByOrder(Dataset<Row> checked) {
        Map<String, String> reasons = new HashMap<>();
        for (Row row : checked.select(TransactionsTable.ORDER_ID, CheckColumns.REASON_CODE).collectAsList()) {
            reasons.put(row.getString(0), row.isNullAt(1) ? "ACCEPTED" : row.getString(1));
        }
        return reasons;
    }

    @Test
    void everyTransactionRuleGivesItsReasonCode() {
        Dataset<Row> rows = text(TransactionsTable.CONTRACT, List.of(
                line("good"),
                line("no-customer", TransactionsTable.CUSTOMER_ID, " "),
                line("no-quantity", TransactionsTable.QUANTITY, null),
                line("bad-number", TransactionsTable.UNIT_PRICE, "12,50"),
                line("half-line", TransactionsTable.LINE_NUMBER, "1.5"),
                line("bad-time", TransactionsTable.ORDER_TIMESTAMP, "yesterday"),
                line("bad-flag", TransactionsTable.IS_RETURN, "maybe"),
                line("negative", TransactionsTable.QUANTITY, "-1"),
                line("zero-price", TransactionsTable.UNIT_PRICE, "0"),
                line("negative-lead", TransactionsTable.REQUESTED_LEAD_TIME_DAYS, "-2"),
                line("future", TransactionsTable.ORDER_TIMESTAMP, "2026-01-01 00:00:00"),
                line("last-second", TransactionsTable.ORDER_TIMESTAMP, "2025-12-31 23:59:59"),
                line("not-a-number", TransactionsTable.QUANTITY, "NaN")));
        Map<String, String> reasons = reasonsByOrder(RowChecks.withRowChecks(rows, TransactionsTable.CONTRACT, RUN_DATE,
                ParseFormats.iso()));
        assertEquals("ACCEPTED", reasons.get("good"));
        assertEquals("MISSING_ID", reasons.get("no-customer"));
        assertEquals("MISSING_VALUE", reasons.get("no-quantity"));
        assertEquals("UNPARSEABLE_NUMBER", reasons.get("bad-number"));
        assertEquals("UNPARSEABLE_NUMBER", reasons.get("half-line"));
        assertEquals("UNPARSEABLE_TIMESTAMP", reasons.get("bad-time"));
        assertEquals("UNPARSEABLE_BOOLEAN", reasons.get("bad-flag"));
        assertEquals("NON_POSITIVE_VALUE", reasons.get("negative"));
        assertEquals("NON_POSITIVE_VALUE", reasons.get("zero-price"));
        assertEquals("NEGATIVE_VALUE", reasons.get("negative-lead"));
        assertEquals("AFTER_RUN_DATE", reasons.get("future"));
        assertEquals("ACCEPTED", reasons.get("last-second"));
        assertEquals("UNPARSEABLE_NUMBER", reasons.get("not-a-number"));
    }

    @Test
    void detailNamesTheColumnAndTheValueAndRawRecordKeepsTheText() {
        Dataset<Row> rows = text(TransactionsTable.CONTRACT, List.of(line("bad", TransactionsTable.UNIT_PRICE, "12,50")));
        Row checked = RowChecks.withRowChecks(rows, TransactionsTable.CONTRACT, RUN_DATE, ParseFormats.iso()).head();
        String detail = checked.getAs(CheckColumns.REASON_DETAIL);
        assertTrue(detail.contains("unit_price") && detail.contains("12,50"), detail);
        String raw = checked.getAs(CheckColumns.RAW_RECORD);
        assertTrue(raw.contains("\"unit_price\":\"12,50\""), raw);
    }

    @Test
    void customerRulesCoverRangesAndVocabularies() {
        StructType schema = new StructType();
        for (String name : CustomersTable.CONTRACT.columnNames()) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        List<Row> data = new ArrayList<>();
        data.add(customer(schema, "ok", Map.of(CustomersTable.CITY_TYPE, "Urban", CustomersTable.TECH_AFFINITY, "0.4")));
        data.add(customer(schema, "score", Map.of(CustomersTable.TECH_AFFINITY, "1.7")));
        data.add(customer(schema, "city", Map.of(CustomersTable.CITY_TYPE, "metropolis")));
        data.add(customer(schema, "birth", Map.of(CustomersTable.BIRTH_YEAR, "19x0")));
        data.add(customer(schema, "signup", Map.of(CustomersTable.SIGNUP_DATE, "2026-02-01")));
        data.add(customer(schema, "bad-date", Map.of(CustomersTable.SIGNUP_DATE, "2025-02-30")));
        Map<String, String> reasons = new HashMap<>();
        RowChecks.withRowChecks(spark.createDataFrame(data, schema), CustomersTable.CONTRACT, RUN_DATE, ParseFormats.iso())
                .collectAsList().forEach(row -> reasons.put(row.getAs(CustomersTable.CUSTOMER_ID),
                        row.getAs(CheckColumns.REASON_CODE) == null ? "ACCEPTED" : row.getAs(CheckColumns.REASON_CODE)));
        assertEquals("ACCEPTED", reasons.get("ok"));
        assertEquals("OUT_OF_RANGE", reasons.get("score"));
        assertEquals("INVALID_CATEGORY", reasons.get("city"));
        assertEquals("UNPARSEABLE_NUMBER", reasons.get("birth"));
        assertEquals("AFTER_RUN_DATE", reasons.get("signup"));
        assertEquals("UNPARSEABLE_DATE", reasons.get("bad-date"));
    }

    private static Row customer(StructType schema, String id, Map<String, String> cells) {
        Object[] values = new Object[schema.size()];
        String[] names = schema.fieldNames();
        for (int index = 0; index < names.length; index++) {
            values[index] = names[index].equals(CustomersTable.CUSTOMER_ID) ? id : cells.get(names[index]);
        }
        return RowFactory.create(values);
    }

    @Test
    void duplicateKeysKeepExactlyOneRowAndTheSameOneEveryTime() {
        Dataset<Row> rows = text(TransactionsTable.CONTRACT, List.of(
                line("A"), line("A"), line("A", TransactionsTable.QUANTITY, "5"), line("B"),
                line("C", TransactionsTable.QUANTITY, "-1"), line("C")));
        Dataset<Row> checked = RowChecks.withDuplicateKeyCheck(
                RowChecks.withRowChecks(rows, TransactionsTable.CONTRACT, RUN_DATE, ParseFormats.iso()),
                TransactionsTable.CONTRACT);
        List<Row> accepted = checked.where(col(CheckColumns.REASON_CODE).isNull())
                .select(TransactionsTable.ORDER_ID, TransactionsTable.QUANTITY).orderBy(TransactionsTable.ORDER_ID)
                .collectAsList();
        assertEquals(3, accepted.size(), "one row per key: A, B and C");
        assertEquals(3, checked.where(col(CheckColumns.REASON_CODE).isNotNull()).count());
        assertEquals(2, checked.where(col(CheckColumns.REASON_CODE).equalTo("DUPLICATE_KEY")).count());
        // The invalid C row does not make the valid C row a duplicate.
        assertEquals(2.0, accepted.get(2).getDouble(1));
        Dataset<Row> again = RowChecks.withDuplicateKeyCheck(
                RowChecks.withRowChecks(rows.repartition(2), TransactionsTable.CONTRACT, RUN_DATE, ParseFormats.iso()),
                TransactionsTable.CONTRACT).where(col(CheckColumns.REASON_CODE).isNull())
                .select(TransactionsTable.ORDER_ID, TransactionsTable.QUANTITY).orderBy(TransactionsTable.ORDER_ID);
        assertEquals(accepted, again.collectAsList());
    }

    @Test
    void unknownReferencesAreFlaggedOnlyForOtherwiseValidRows() {
        Dataset<Row> rows = text(TransactionsTable.CONTRACT, List.of(
                line("known"), line("stranger", TransactionsTable.CUSTOMER_ID, "C9"),
                line("bad-and-stranger", TransactionsTable.CUSTOMER_ID, "C9", TransactionsTable.QUANTITY, "0")));
        Dataset<Row> ids = spark.createDataFrame(List.of(RowFactory.create("C1")),
                new StructType().add("customer_id", DataTypes.StringType));
        Dataset<Row> checked = RowChecks.withReferenceCheck(
                RowChecks.withRowChecks(rows, TransactionsTable.CONTRACT, RUN_DATE, ParseFormats.iso()),
                TransactionsTable.CUSTOMER_ID, ids, ReasonCode.UNKNOWN_CUSTOMER);
        Map<String, String> reasons = reasonsByOrder(checked);
        assertEquals("ACCEPTED", reasons.get("known"));
        assertEquals("UNKNOWN_CUSTOMER", reasons.get("stranger"));
        assertEquals("NON_POSITIVE_VALUE", reasons.get("bad-and-stranger"));
        assertEquals(Arrays.asList(rows.columns()).size() + 4, checked.columns().length);
    }

    @Test
    void rawRecordIsDroppedForAcceptedRowsOnly() {
        Dataset<Row> rows = text(TransactionsTable.CONTRACT, List.of(line("good"), line("bad", TransactionsTable.QUANTITY, "x")));
        Map<String, Object> raw = new HashMap<>();
        RowChecks.withRawRecordOfRejectedOnly(RowChecks.withRowChecks(rows, TransactionsTable.CONTRACT, RUN_DATE,
                ParseFormats.iso())).collectAsList().forEach(row -> raw.put(row.getAs(TransactionsTable.ORDER_ID),
                row.getAs(CheckColumns.RAW_RECORD)));
        assertNull(raw.get("good"));
        assertTrue(String.valueOf(raw.get("bad")).contains("\"quantity\":\"x\""));
    }
}
