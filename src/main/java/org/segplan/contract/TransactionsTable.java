package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.optional;
import static org.segplan.contract.TableContract.reference;
import static org.segplan.contract.TableContract.required;

import java.util.List;

/**
 * Input contract: one row per order line. Quantities are always positive; a return is a line with
 * {@code is_return = true}, so net demand is quantity with the sign of the flag.
 */
public final class TransactionsTable {
    public static final String NAME = "transactions";

    public static final String ORDER_ID = "order_id";
    public static final String LINE_NUMBER = "line_number";
    public static final String CUSTOMER_ID = Columns.CUSTOMER_ID;
    public static final String PRODUCT_ID = Columns.PRODUCT_ID;
    public static final String ORDER_TIMESTAMP = "order_timestamp";
    public static final String QUANTITY = "quantity";
    public static final String UNIT_PRICE = "unit_price";
    public static final String CHANNEL = "channel";
    public static final String PAYMENT_METHOD = "payment_method";
    public static final String REQUESTED_LEAD_TIME_DAYS = "requested_lead_time_days";
    public static final String IS_RETURN = "is_return";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(ORDER_ID, StringType, "Order identifier"),
            key(LINE_NUMBER, IntegerType, ValueRule.positive(), "Line within the order, from 1"),
            reference(CUSTOMER_ID, "Customer who ordered (customers.customer_id)"),
            reference(PRODUCT_ID, "Product ordered (products.product_id)"),
            required(ORDER_TIMESTAMP, TimestampType, ValueRule.notAfterRunDate(), "When the order was placed (UTC)"),
            required(QUANTITY, DoubleType, ValueRule.positive(), "Units ordered (or returned), > 0"),
            required(UNIT_PRICE, DoubleType, ValueRule.positive(), "Price per unit, > 0"),
            optional(CHANNEL, StringType, "Sales channel, e.g. online, app, dealer, fleet_portal"),
            optional(PAYMENT_METHOD, StringType, "Payment method, e.g. card, financing, invoice"),
            optional(REQUESTED_LEAD_TIME_DAYS, IntegerType, ValueRule.nonNegative(),
                    "Days between order and the delivery date the customer asked for"),
            optional(IS_RETURN, BooleanType, "True when the line returns goods; absent means false")));

    private TransactionsTable() {
    }
}
