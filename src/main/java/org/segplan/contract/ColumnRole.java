package org.segplan.contract;

/**
 * What a column is to its table: whether it must be present, whether its values may be null, and for inputs the
 * reason code when it is missing.
 */
public enum ColumnRole {
    /** Part of the table's key: required, missing gives MISSING_ID, repeats give DUPLICATE_KEY. */
    KEY,
    /** An id of a row in another table: required, missing gives MISSING_ID. */
    REFERENCE,
    /** Required attribute: the column must exist, a missing value gives MISSING_VALUE. */
    REQUIRED,
    /** Required column whose values may be null (output tables: a null has a documented meaning). */
    NULLABLE,
    /** Optional attribute: the column may be absent and values may be null. */
    OPTIONAL
}
