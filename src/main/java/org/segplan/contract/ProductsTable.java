package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.optional;
import static org.segplan.contract.TableContract.required;

import java.util.List;

/** Input contract: one row per product. */
public final class ProductsTable {
    public static final String NAME = "products";

    public static final String PRODUCT_ID = Columns.PRODUCT_ID;
    public static final String PRODUCT_NAME = "product_name";
    public static final String CATEGORY = Columns.CATEGORY;
    public static final String LIFECYCLE_STAGE = "lifecycle_stage";
    public static final String UNIT_COST = "unit_cost";
    public static final String LAUNCH_DATE = "launch_date";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(PRODUCT_ID, StringType, "Product identifier, unique"),
            optional(PRODUCT_NAME, StringType, "Readable product name"),
            required(CATEGORY, StringType, ValueRule.anything(), "Product category, e.g. vehicle, accessory, spare_part"),
            optional(LIFECYCLE_STAGE, StringType, ValueRule.oneOf("new", "growth", "mature", "decline"),
                    "new, growth, mature or decline"),
            optional(UNIT_COST, DoubleType, ValueRule.nonNegative(), "Cost per unit"),
            optional(LAUNCH_DATE, DateType, "Date the product was launched")));

    private ProductsTable() {
    }
}
