package org.segplan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.segplan.error.SegplanException;
import org.segplan.mapping.ColumnRule;
import org.segplan.mapping.InputMapping;

/** Parsing and validation of segplan.inputs.&lt;table&gt;.mapping and the anonymous-transactions option. */
class MappingSettingsTest {
    private static final String PREFIX = "segplan.inputs.transactions.mapping=";

    private static SegplanException rejected(String mapping) {
        return assertThrows(SegplanException.class, () -> ConfigLoader.load(List.of(PREFIX + mapping)));
    }

    @Test
    void noMappingByDefault() {
        SegplanConfig config = ConfigLoader.load(List.of());
        config.inputs().values().forEach(spec -> assertTrue(spec.mapping().isEmpty(), spec.table()));
        assertEquals(AnonymousTransactions.QUARANTINE, config.validation().anonymousTransactions());
    }

    @Test
    void parsesEveryPartOfAMapping() {
        SegplanConfig config = ConfigLoader.load(List.of(PREFIX + "{"
                + "derive = [ { name = line_key, expression = \"row_number() OVER (ORDER BY a)\" } ],"
                + "filters = [ { reason = CANCELLED_INVOICE, when = \"InvoiceNo LIKE 'C%'\" } ],"
                + "columns { order_id = InvoiceNo, unit_price = { source = Price, decimal = comma },"
                + "  customer_id = { source = CustomerID, float-id = true },"
                + "  channel = { source = Channel, values { Web = online }, unmapped = null, default = online } } }",
                "segplan.validation.anonymous-transactions=keep"));
        InputMapping mapping = config.input("transactions").mapping().orElseThrow();
        assertEquals("line_key", mapping.derive().get(0).name());
        assertEquals("CANCELLED_INVOICE", mapping.filters().get(0).reason());
        assertEquals(ColumnRule.rename("InvoiceNo"), mapping.columns().get("order_id"));
        assertEquals(ColumnRule.DecimalStyle.COMMA, mapping.columns().get("unit_price").decimal());
        assertTrue(mapping.columns().get("customer_id").floatId());
        ColumnRule channel = mapping.columns().get("channel");
        assertEquals("online", channel.values().get("Web"));
        assertEquals(ColumnRule.Unmapped.NULL, channel.unmapped());
        assertEquals(Optional.of("online"), channel.defaultValue());
        assertEquals(AnonymousTransactions.KEEP, config.validation().anonymousTransactions());
    }

    @Test
    void theOnlineRetailConfigurationLoads() {
        SegplanConfig config = ConfigLoader.load(Optional.of(Path.of("conf", "online-retail.conf")), List.of());
        assertEquals(3, config.input("transactions").mapping().orElseThrow().filters().size());
        assertTrue(config.input("customers").mapping().orElseThrow().aggregate().isPresent());
        assertEquals("geo", config.input("customers").mapping().orElseThrow().lookups().get(0).name());
        assertTrue(config.input("distribution_centers").mapping().isEmpty());
    }

    @Test
    void unknownKeysInsideAMappingAreErrorsThatListTheKnownOnes() {
        SegplanException top = rejected("{ colums { order_id = InvoiceNo } }");
        assertEquals("UNKNOWN_CONFIG_KEY", top.code());
        assertTrue(top.getMessage().contains("aggregate, columns, derive, filters, lookups"), top.getMessage());
        SegplanException rule = rejected("{ columns { order_id = { source = InvoiceNo, fomat = x } } }");
        assertEquals("UNKNOWN_CONFIG_KEY", rule.code());
        assertTrue(rule.getMessage().contains("mapping.columns.order_id.fomat"), rule.getMessage());
        SegplanException column = rejected("{ columns { order_number = InvoiceNo } }");
        assertTrue(column.getMessage().contains("order_id"), column.getMessage());
        assertEquals("UNKNOWN_CONFIG_KEY", rejected("{ filters = [ { reason = X, when = \"a\", why = b } ] }").code());
    }

    @Test
    void badValuesInsideAMappingAreErrors() {
        SegplanException reason = rejected("{ filters = [ { reason = cancelled, when = \"InvoiceNo LIKE 'C%'\" } ] }");
        assertEquals("INVALID_MAPPING", reason.code());
        assertTrue(reason.getMessage().contains("UPPER_SNAKE"), reason.getMessage());
        assertEquals("INVALID_MAPPING", rejected("{ columns { order_id = { source = a, expression = b } } }").code());
        assertEquals("INVALID_MAPPING", rejected("{ columns { order_id = { float-id = true } } }").code());
        assertEquals("INVALID_MAPPING", rejected("{ columns { unit_price = { source = p, decimal = dot } } }").code());
        assertEquals("INVALID_MAPPING", rejected("{ aggregate { group-by = [] } }").code());
        assertEquals("INVALID_CONFIG_VALUE", assertThrows(SegplanException.class, () -> ConfigLoader.load(
                List.of("segplan.validation.anonymous-transactions=drop"))).code());
    }
}
