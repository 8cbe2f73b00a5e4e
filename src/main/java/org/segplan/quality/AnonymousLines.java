package org.segplan.quality;

/**
 * What the checks do with an order line without a customer id: quarantine it ({@code MISSING_ID}), or accept it as
 * demand without a customer.
 */
public enum AnonymousLines {
    QUARANTINE,
    KEEP
}
