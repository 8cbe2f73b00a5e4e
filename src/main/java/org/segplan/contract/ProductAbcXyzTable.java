package org.segplan.contract;

/**
 * Output contract: ABC/XYZ class of every product (columns in {@link AbcXyzColumns}, keyed by product_id, plus
 * category).
 */
public final class ProductAbcXyzTable {
    public static final String NAME = "product_abc_xyz";
    public static final String PRODUCT_ID = "product_id";
    public static final String CATEGORY = "category";

    private ProductAbcXyzTable() {
    }
}
