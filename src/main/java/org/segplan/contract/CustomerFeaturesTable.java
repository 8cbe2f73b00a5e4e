package org.segplan.contract;

import java.util.List;

/**
 * Output contract: one row per customer with behaviour features as of the run date, next to the customer's
 * attributes as given (every column of {@code customers} that was present is carried along). See
 * {@link org.segplan.features.FeatureDictionary} for meaning, unit and source of each feature.
 */
public final class CustomerFeaturesTable {
    public static final String NAME = "customer_features";

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

    private CustomerFeaturesTable() {
    }
}
