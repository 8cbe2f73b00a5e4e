package org.segplan.mapping;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.segplan.error.SegplanException;
import org.segplan.quality.CheckColumns;
import org.segplan.testing.SharedSpark;

/** Each mapping feature on a small in-memory frame, as text, the way the row checks receive it. */
class SourceMapperTest {
    private static final StructType EXPORT = new StructType()
            .add("InvoiceNo", DataTypes.StringType)
            .add("StockCode", DataTypes.StringType)
            .add("Quantity", DataTypes.StringType)
            .add("Price", DataTypes.StringType)
            .add("CustomerID", DataTypes.StringType)
            .add("Country", DataTypes.StringType)
            .add("InvoiceDate", DataTypes.StringType);

    private static Dataset<Row> export() {
        return SharedSpark.get().createDataFrame(List.of(
                RowFactory.create("536365", "85123A", "6", "2,55", "17850.0", "United Kingdom", "01/12/2010 08:26"),
                RowFactory.create("C536379", "D", "-1", "27,50", "14527.0", "EIRE", "01/12/2010 09:41"),
                RowFactory.create("536380", "22728", "24", "1.234,50", null, "Atlantis", "01/12/2010 09:45"),
                RowFactory.create("536381", "22727", "2", "0,85", "15311", "Unspecified", "bad date")), EXPORT);
    }

    private static Map<String, Row> byInvoice(Dataset<Row> rows, String idColumn) {
        Map<String, Row> result = new LinkedHashMap<>();
        rows.collectAsList().forEach(row -> result.put(row.getAs(idColumn), row));
        return result;
    }

    private static MappedSource map(InputMapping mapping) {
        return SourceMapper.apply("transactions", export(), mapping, Map.of());
    }

    @Test
    void renamesKeepTheValueAndDropTheShadowedSourceColumn() {
        Map<String, ColumnRule> rules = new LinkedHashMap<>();
        rules.put("order_id", ColumnRule.rename("invoiceno"));
        rules.put("quantity", ColumnRule.rename("Quantity"));
        MappedSource mapped = map(InputMapping.ofColumns(rules));
        List<String> columns = Arrays.asList(mapped.kept().columns());
        assertEquals("order_id", columns.get(0));
        // The source's Quantity would shadow the contract's quantity (names match case-insensitively).
        assertEquals(1, columns.stream().filter(name -> name.equalsIgnoreCase("quantity")).count());
        assertTrue(columns.contains(CheckColumns.RAW_RECORD));
        Map<String, Row> rows = byInvoice(mapped.kept(), "order_id");
        assertEquals(4, rows.size());
        assertEquals("-1", rows.get("C536379").getAs("quantity"));
        assertTrue(rows.get("536365").<String>getAs(CheckColumns.RAW_RECORD).contains("\"Price\":\"2,55\""));
    }

    @Test
    void decimalCommaFloatIdsAndTimestampPatternsBecomeCanonicalText() {
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        columns.put("order_id", ColumnRule.rename("InvoiceNo"));
        columns.put("unit_price", ColumnRule.rename("Price").withDecimal(ColumnRule.DecimalStyle.COMMA));
        columns.put("customer_id", ColumnRule.rename("CustomerID").withFloatId());
        columns.put("order_timestamp", ColumnRule.rename("InvoiceDate").withTimestampFormat("dd/MM/yyyy HH:mm"));
        Map<String, Row> rows = byInvoice(map(InputMapping.ofColumns(columns)).kept(), "order_id");
        assertEquals("2.55", rows.get("536365").getAs("unit_price"));
        assertEquals("1234.50", rows.get("536380").getAs("unit_price"));
        assertEquals("17850", rows.get("536365").getAs("customer_id"));
        assertEquals("15311", rows.get("536381").getAs("customer_id"));
        assertNull(rows.get("536380").getAs("customer_id"));
        assertEquals("2010-12-01 08:26:00", rows.get("536365").getAs("order_timestamp"));
        // An unparseable value stays as it was, so the row checks report it as UNPARSEABLE_TIMESTAMP.
        assertEquals("bad date", rows.get("536381").getAs("order_timestamp"));
    }

    @Test
    void valueMapsDefaultsAndDerivedColumns() {
        Map<String, String> iso = new LinkedHashMap<>();
        iso.put("United Kingdom", "GB");
        iso.put("EIRE", "IE");
        iso.put("Unspecified", null);
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        columns.put("order_id", ColumnRule.rename("InvoiceNo"));
        columns.put("region", ColumnRule.rename("Country").withValues(iso, ColumnRule.Unmapped.KEEP));
        columns.put("city", ColumnRule.rename("Country").withValues(iso, ColumnRule.Unmapped.NULL));
        columns.put("channel", ColumnRule.constant("online"));
        columns.put("payment_method", ColumnRule.rename("CustomerID").withDefault("guest"));
        columns.put("is_return", ColumnRule.expression("InvoiceNo LIKE 'C%'"));
        columns.put("line_number", ColumnRule.rename("line_key"));
        InputMapping mapping = InputMapping.ofColumns(columns).withDerive(List.of(new NamedRule("line_key",
                ColumnRule.expression("dense_rank() OVER (PARTITION BY substring(InvoiceNo, 1, 1) ORDER BY StockCode)"))));
        Map<String, Row> rows = byInvoice(map(mapping).kept(), "order_id");
        assertEquals("GB", rows.get("536365").getAs("region"));
        assertEquals("IE", rows.get("C536379").getAs("region"));
        assertEquals("Atlantis", rows.get("536380").getAs("region"));
        assertNull(rows.get("536380").getAs("city"));
        assertNull(rows.get("536381").getAs("region"));
        assertEquals("online", rows.get("536381").getAs("channel"));
        assertEquals("guest", rows.get("536380").getAs("payment_method"));
        assertEquals("17850.0", rows.get("536365").getAs("payment_method"));
        assertEquals("true", rows.get("C536379").getAs("is_return"));
        assertEquals("false", rows.get("536365").getAs("is_return"));
        // Invoices starting with 5, ordered by stock code: 22727, 22728, 85123A.
        assertEquals("1", rows.get("536381").getAs("line_number"));
        assertEquals("2", rows.get("536380").getAs("line_number"));
        assertEquals("3", rows.get("536365").getAs("line_number"));
    }

    @Test
    void filtersSendRowsToQuarantineWithTheirReasonAndRawRecord() {
        InputMapping mapping = InputMapping.ofColumns(Map.of("order_id", ColumnRule.rename("InvoiceNo"))).withFilters(List.of(
                new RowFilter("NON_PRODUCT_CODE", "StockCode IN ('D', 'POST')"),
                new RowFilter("CANCELLED_INVOICE", "InvoiceNo LIKE 'C%'"),
                new RowFilter("NO_CUSTOMER", "CustomerID IS NULL")));
        MappedSource mapped = map(mapping);
        assertEquals(2, mapped.kept().count());
        List<Row> filtered = mapped.filtered().orderBy(CheckColumns.REASON_CODE).collectAsList();
        assertEquals(2, filtered.size());
        // The first matching filter names the reason: C536379 is both cancelled and a non-product code.
        assertEquals("NON_PRODUCT_CODE", filtered.get(0).getAs(CheckColumns.REASON_CODE));
        assertTrue(filtered.get(0).<String>getAs(CheckColumns.RAW_RECORD).contains("\"InvoiceNo\":\"C536379\""));
        assertEquals("NO_CUSTOMER", filtered.get(1).getAs(CheckColumns.REASON_CODE));
        assertTrue(filtered.get(1).<String>getAs(CheckColumns.REASON_DETAIL).contains("CustomerID IS NULL"));
        assertEquals(4, mapped.kept().count() + mapped.filtered().count());
    }

    @Test
    void aggregationAndLookupMakeOneRowPerGroup() {
        Dataset<Row> centroids = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create("United Kingdom", "GB", "54.1"), RowFactory.create("Ireland", "IE", "53.2")),
                new StructType().add("COUNTRY", DataTypes.StringType).add("ISO", DataTypes.StringType)
                        .add("latitude", DataTypes.StringType));
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        columns.put("customer_id", ColumnRule.rename("customer_key"));
        columns.put("region", ColumnRule.rename("geo_ISO"));
        columns.put("latitude", ColumnRule.rename("geo_latitude"));
        InputMapping mapping = new InputMapping(
                List.of(new NamedRule("customer_key", ColumnRule.rename("CustomerID").withFloatId()),
                        new NamedRule("country_name", ColumnRule.rename("Country")
                                .withValues(Map.of("EIRE", "Ireland"), ColumnRule.Unmapped.KEEP))),
                Optional.of(new Aggregation(List.of("customer_key"),
                        List.of(new Aggregation.NamedExpression("country_name", "max(country_name)")))),
                List.of(new Lookup("geo", "unused", InputFormat.CSV, Map.of(), "COUNTRY", "country_name")),
                List.of(), columns);
        Dataset<Row> source = export().union(export().limit(1));
        assertEquals(4, SourceMapper.rowsIn("customers", source, mapping).count());
        MappedSource mapped = SourceMapper.apply("customers", source, mapping, Map.of("geo", centroids));
        Map<String, Row> rows = new LinkedHashMap<>();
        mapped.kept().collectAsList().forEach(row -> rows.put(String.valueOf((Object) row.getAs("customer_id")), row));
        assertEquals(4, rows.size());
        assertEquals("GB", rows.get("17850").getAs("region"));
        assertEquals("54.1", rows.get("17850").getAs("latitude"));
        assertEquals("IE", rows.get("14527").getAs("region"));
        assertNull(rows.get("null").getAs("region"));
        assertNull(rows.get("15311").getAs("latitude"));
    }

    @Test
    void anUnknownSourceColumnListsTheColumnsPresent() {
        SegplanException error = assertThrows(SegplanException.class,
                () -> map(InputMapping.ofColumns(Map.of("order_id", ColumnRule.rename("Invoice")))));
        assertEquals("UNKNOWN_SOURCE_COLUMN", error.code());
        assertTrue(error.getMessage().contains("'Invoice'"), error.getMessage());
        assertTrue(error.getMessage().contains("[InvoiceNo, StockCode, Quantity, Price, CustomerID, Country, InvoiceDate]"),
                error.getMessage());
    }

    @Test
    void anExpressionOverAnUnknownColumnNamesTheMappingEntry() {
        SegplanException error = assertThrows(SegplanException.class, () -> map(
                InputMapping.ofColumns(Map.of("order_id", ColumnRule.rename("InvoiceNo")))
                        .withFilters(List.of(new RowFilter("CANCELLED_INVOICE", "InvoiceNumber LIKE 'C%'")))));
        assertEquals("INVALID_MAPPING_EXPRESSION", error.code());
        assertTrue(error.getMessage().contains("filters.CANCELLED_INVOICE"), error.getMessage());
        assertTrue(error.getMessage().contains("InvoiceNo, StockCode"), error.getMessage());
    }
}
