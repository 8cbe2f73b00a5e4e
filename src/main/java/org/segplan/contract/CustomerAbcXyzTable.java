package org.segplan.contract;

/** Output contract: ABC/XYZ class of every customer (columns in {@link AbcXyzColumns}, keyed by customer_id). */
public final class CustomerAbcXyzTable {
    public static final String NAME = "customer_abc_xyz";
    public static final String CUSTOMER_ID = "customer_id";

    private CustomerAbcXyzTable() {
    }
}
