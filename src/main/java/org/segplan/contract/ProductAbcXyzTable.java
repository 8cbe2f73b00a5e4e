package org.segplan.contract;

import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.nullable;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: ABC/XYZ class of every product (columns in {@link AbcXyzColumns}, keyed by product_id, plus
 * category).
 */
public final class ProductAbcXyzTable {
    public static final String NAME = "product_abc_xyz";
    public static final String PRODUCT_ID = Columns.PRODUCT_ID;
    public static final String CATEGORY = Columns.CATEGORY;

    public static final TableContract CONTRACT = new TableContract(NAME, columns());

    public static final StructType SCHEMA = CONTRACT.schema();

    private ProductAbcXyzTable() {
    }

    private static List<ColumnSpec> columns() {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(key(PRODUCT_ID));
        columns.add(nullable(CATEGORY, "The product's category as given (products.category)"));
        columns.addAll(AbcXyzColumns.CLASSIFICATION);
        return columns;
    }
}
