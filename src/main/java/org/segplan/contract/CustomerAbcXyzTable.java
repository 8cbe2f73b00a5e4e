package org.segplan.contract;

import static org.segplan.contract.TableContract.key;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract: ABC/XYZ class of every customer (columns in {@link AbcXyzColumns}, keyed by customer_id). */
public final class CustomerAbcXyzTable {
    public static final String NAME = "customer_abc_xyz";
    public static final String CUSTOMER_ID = Columns.CUSTOMER_ID;

    public static final TableContract CONTRACT = new TableContract(NAME, columns());

    public static final StructType SCHEMA = CONTRACT.schema();

    private CustomerAbcXyzTable() {
    }

    private static List<ColumnSpec> columns() {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(key(CUSTOMER_ID));
        columns.addAll(AbcXyzColumns.CLASSIFICATION);
        return columns;
    }
}
