package org.segplan.config;

import java.util.Locale;
import org.segplan.error.Errors;

/**
 * What ingest does with an order line without a customer id: quarantine it ({@code MISSING_ID}), or keep it as
 * demand (customer_id null) that forecasting counts and segmentation ignores.
 */
public enum AnonymousTransactions {
    QUARANTINE,
    KEEP;

    static AnonymousTransactions parse(String key, String value) {
        for (AnonymousTransactions choice : values()) {
            if (choice.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw Errors.invalidConfigValue(key, value, "it is not a known choice", "give quarantine or keep");
    }
}
