package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.segplan.contract.TableContract.optional;

import java.util.ArrayList;
import java.util.List;

/**
 * Output contract: one row per customer with behaviour features as of the run date, next to the customer's
 * attributes as given (every column of {@code customers} that was present is carried along). See
 * {@link org.segplan.features.FeatureDictionary} for meaning, unit and source of each feature.
 *
 * <p>Column order as written: the customer's attributes (each column of the customers contract that was present,
 * customer_id always), age, the behaviour features, with one share column per channel, payment method and
 * category label of the run after urgent_order_share. Only customer_id is required: the features stage writes
 * every fixed feature, and a table written with a subset of them (a scoring input, a fixture) is accepted, but
 * never a column outside the contract or of another type.
 */
public final class CustomerFeaturesTable {
    public static final String NAME = "customer_features";

    public static final String CUSTOMER_ID = Columns.CUSTOMER_ID;
    public static final String RECENCY_DAYS = "recency_days";
    public static final String FREQUENCY = "frequency";
    public static final String MONETARY = "monetary";
    public static final String TENURE_DAYS = "tenure_days";
    public static final String AVERAGE_ORDER_VALUE = "average_order_value";
    public static final String ORDER_VALUE_CV = "order_value_cv";
    public static final String UNITS_PER_ORDER = "units_per_order";
    public static final String ORDER_SIZE_CV = "order_size_cv";
    public static final String MEAN_DAYS_BETWEEN_ORDERS = "mean_days_between_orders";
    public static final String CV_DAYS_BETWEEN_ORDERS = "cv_days_between_orders";
    public static final String RETURN_RATE = "return_rate";
    public static final String MEDIAN_REQUESTED_LEAD_TIME_DAYS = "median_requested_lead_time_days";
    public static final String URGENT_ORDER_SHARE = "urgent_order_share";
    public static final String CHANNEL_SHARE_PREFIX = "channel_share_";
    public static final String PAYMENT_SHARE_PREFIX = "payment_share_";
    public static final String CATEGORY_SHARE_PREFIX = "category_share_";
    public static final String NEW_PRODUCT_SPEND_SHARE = "new_product_spend_share";
    public static final String MATURE_PRODUCT_SPEND_SHARE = "mature_product_spend_share";
    public static final String SEASONALITY_CONCENTRATION = "seasonality_concentration";
    public static final String HAS_TRANSACTIONS = "has_transactions";
    public static final String LOG_FREQUENCY = "log_frequency";
    public static final String LOG_MONETARY = "log_monetary";
    public static final String LOG_AVERAGE_ORDER_VALUE = "log_average_order_value";
    public static final String AGE = "age";

    /**
     * Behaviour features used by default when segplan.segmentation.features is empty: what customers need (basket
     * size, urgency), beside channel shares and psychographic scores. Value and rhythm (frequency, monetary,
     * days between orders) are left to the profiles: they vary as much within a need as between needs.
     */
    public static final List<String> DEFAULT_BEHAVIOUR_FEATURES = List.of(
            LOG_AVERAGE_ORDER_VALUE, MEDIAN_REQUESTED_LEAD_TIME_DAYS, URGENT_ORDER_SHARE);

    public static final TableContract CONTRACT = new TableContract(NAME, columns(), List.of(
            new ColumnFamily(CHANNEL_SHARE_PREFIX, DoubleType, URGENT_ORDER_SHARE,
                    "Share of the customer's orders placed through the channel"),
            new ColumnFamily(PAYMENT_SHARE_PREFIX, DoubleType, URGENT_ORDER_SHARE,
                    "Share of the customer's orders paid with the method"),
            new ColumnFamily(CATEGORY_SHARE_PREFIX, DoubleType, URGENT_ORDER_SHARE,
                    "Share of the customer's purchase value in the product category")));

    private CustomerFeaturesTable() {
    }

    private static List<ColumnSpec> columns() {
        List<ColumnSpec> columns = new ArrayList<>();
        for (ColumnSpec attribute : CustomersTable.CONTRACT.columns()) {
            columns.add(new ColumnSpec(attribute.name(), attribute.type(),
                    attribute.isIdentifier() ? ColumnRole.KEY : ColumnRole.OPTIONAL, attribute.rule(),
                    "From customers, when present: " + attribute.description()));
        }
        columns.addAll(List.of(
                optional(AGE, IntegerType, "Age in years at the run date's year, when birth_year is present"),
                optional(RECENCY_DAYS, IntegerType, "Days from the last order to the run date"),
                optional(FREQUENCY, LongType, "Purchase orders"),
                optional(AVERAGE_ORDER_VALUE, DoubleType, "Mean gross value of a purchase order"),
                optional(ORDER_VALUE_CV, DoubleType, "Coefficient of variation of the order value"),
                optional(UNITS_PER_ORDER, DoubleType, "Mean units of a purchase order"),
                optional(ORDER_SIZE_CV, DoubleType, "Coefficient of variation of the units per order"),
                optional(MEAN_DAYS_BETWEEN_ORDERS, DoubleType, "Mean days between consecutive purchase orders"),
                optional(CV_DAYS_BETWEEN_ORDERS, DoubleType, "Coefficient of variation of the days between orders"),
                optional(MEDIAN_REQUESTED_LEAD_TIME_DAYS, DoubleType, "Median requested lead time of the orders"),
                optional(URGENT_ORDER_SHARE, DoubleType,
                        "Share of orders with a requested lead time up to segplan.features.urgent-lead-time-days"),
                optional(NEW_PRODUCT_SPEND_SHARE, DoubleType, "Share of purchase value on new or growth products"),
                optional(MATURE_PRODUCT_SPEND_SHARE, DoubleType, "Share of purchase value on mature products"),
                optional(SEASONALITY_CONCENTRATION, DoubleType, "How concentrated purchase value is in a few months"),
                optional(MONETARY, DoubleType, "Purchase value net of returns"),
                optional(RETURN_RATE, DoubleType, "Returned value / gross purchase value"),
                optional(HAS_TRANSACTIONS, BooleanType, "Whether the customer has order lines"),
                optional(TENURE_DAYS, IntegerType, "Days from signup (or first order) to the run date"),
                optional(LOG_FREQUENCY, DoubleType, "log(1 + frequency)"),
                optional(LOG_MONETARY, DoubleType, "log(1 + monetary), 0 when monetary is not positive"),
                optional(LOG_AVERAGE_ORDER_VALUE, DoubleType, "log(1 + average_order_value)")));
        return columns;
    }
}
