package org.segplan.quality;

/** Why a row went to quarantine. Codes are stable: dashboards and alerts count them. */
public enum ReasonCode {
    MALFORMED_ROW("the line has more or fewer fields than the header"),
    MISSING_ID("a key or reference id is empty"),
    MISSING_VALUE("a required value is empty"),
    UNPARSEABLE_NUMBER("a number could not be parsed"),
    UNPARSEABLE_TIMESTAMP("a timestamp could not be parsed"),
    UNPARSEABLE_DATE("a date could not be parsed"),
    UNPARSEABLE_BOOLEAN("a true/false flag could not be parsed"),
    NON_POSITIVE_VALUE("a quantity, price or capacity is zero or negative"),
    NEGATIVE_VALUE("a cost or lead time is negative"),
    OUT_OF_RANGE("a value lies outside its allowed range"),
    INVALID_CATEGORY("a value is not in its allowed vocabulary"),
    AFTER_RUN_DATE("a timestamp or date lies after the run date"),
    DUPLICATE_KEY("another row has the same key; the first by content is kept"),
    UNKNOWN_CUSTOMER("the customer id is not among the accepted customers"),
    UNKNOWN_PRODUCT("the product id is not among the accepted products");

    private final String meaning;

    ReasonCode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
