package org.segplan.features;

import static org.segplan.contract.CustomerFeaturesTable.AGE;
import static org.segplan.contract.CustomerFeaturesTable.AVERAGE_ORDER_VALUE;
import static org.segplan.contract.CustomerFeaturesTable.CATEGORY_SHARE_PREFIX;
import static org.segplan.contract.CustomerFeaturesTable.CHANNEL_SHARE_PREFIX;
import static org.segplan.contract.CustomerFeaturesTable.MATURE_PRODUCT_SPEND_SHARE;
import static org.segplan.contract.CustomerFeaturesTable.NEW_PRODUCT_SPEND_SHARE;
import static org.segplan.contract.CustomerFeaturesTable.PAYMENT_SHARE_PREFIX;
import static org.segplan.contract.CustomerFeaturesTable.SEASONALITY_CONCENTRATION;
import static org.segplan.contract.CustomerFeaturesTable.CV_DAYS_BETWEEN_ORDERS;
import static org.segplan.contract.CustomerFeaturesTable.FREQUENCY;
import static org.segplan.contract.CustomerFeaturesTable.HAS_TRANSACTIONS;
import static org.segplan.contract.CustomerFeaturesTable.LOG_AVERAGE_ORDER_VALUE;
import static org.segplan.contract.CustomerFeaturesTable.LOG_FREQUENCY;
import static org.segplan.contract.CustomerFeaturesTable.LOG_MONETARY;
import static org.segplan.contract.CustomerFeaturesTable.MEAN_DAYS_BETWEEN_ORDERS;
import static org.segplan.contract.CustomerFeaturesTable.MEDIAN_REQUESTED_LEAD_TIME_DAYS;
import static org.segplan.contract.CustomerFeaturesTable.MONETARY;
import static org.segplan.contract.CustomerFeaturesTable.ORDER_SIZE_CV;
import static org.segplan.contract.CustomerFeaturesTable.ORDER_VALUE_CV;
import static org.segplan.contract.CustomerFeaturesTable.RECENCY_DAYS;
import static org.segplan.contract.CustomerFeaturesTable.RETURN_RATE;
import static org.segplan.contract.CustomerFeaturesTable.TENURE_DAYS;
import static org.segplan.contract.CustomerFeaturesTable.UNITS_PER_ORDER;
import static org.segplan.contract.CustomerFeaturesTable.URGENT_ORDER_SHARE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.segplan.contract.ColumnSpec;
import org.segplan.contract.CustomersTable;

/** Meaning, unit and source of every column of {@code customer_features}, written beside it. */
public final class FeatureDictionary {
    private static final String ORDERS = "transactions (purchase orders)";
    private static final List<FeatureDefinition> BEHAVIOUR = List.of(
            new FeatureDefinition(RECENCY_DAYS, "Days from the last purchase to the run date", "days", ORDERS),
            new FeatureDefinition(FREQUENCY, "Purchase orders placed up to the run date", "orders", ORDERS),
            new FeatureDefinition(MONETARY, "Value bought net of returns", "currency", "transactions"),
            new FeatureDefinition(TENURE_DAYS, "Days since signup or first order, whichever is earlier", "days",
                    "customers.signup_date, transactions"),
            new FeatureDefinition(AVERAGE_ORDER_VALUE, "Mean gross value of a purchase order", "currency", ORDERS),
            new FeatureDefinition(ORDER_VALUE_CV, "Coefficient of variation of order value", "ratio", ORDERS),
            new FeatureDefinition(UNITS_PER_ORDER, "Mean units in a purchase order", "units", ORDERS),
            new FeatureDefinition(ORDER_SIZE_CV, "Coefficient of variation of units per order", "ratio", ORDERS),
            new FeatureDefinition(MEAN_DAYS_BETWEEN_ORDERS, "Mean days between consecutive purchase orders", "days",
                    ORDERS),
            new FeatureDefinition(CV_DAYS_BETWEEN_ORDERS,
                    "Coefficient of variation of days between orders (purchase rhythm regularity)", "ratio", ORDERS),
            new FeatureDefinition(RETURN_RATE, "Returned value over gross value bought", "share", "transactions"),
            new FeatureDefinition(MEDIAN_REQUESTED_LEAD_TIME_DAYS, "Median requested lead time of purchase orders",
                    "days", "transactions.requested_lead_time_days"),
            new FeatureDefinition(URGENT_ORDER_SHARE,
                    "Share of orders asking for delivery within segplan.features.urgent-lead-time-days", "share",
                    "transactions.requested_lead_time_days"),
            new FeatureDefinition(HAS_TRANSACTIONS, "True when the customer placed at least one order", "flag",
                    "transactions"),
            new FeatureDefinition(LOG_FREQUENCY, "ln(1 + frequency): tames the long tail", "log orders", ORDERS),
            new FeatureDefinition(LOG_MONETARY, "ln(1 + max(monetary, 0))", "log currency", "transactions"),
            new FeatureDefinition(LOG_AVERAGE_ORDER_VALUE, "ln(1 + average_order_value)", "log currency", ORDERS),
            new FeatureDefinition(AGE, "Run-date year minus birth year", "years", "customers.birth_year"),
            new FeatureDefinition(NEW_PRODUCT_SPEND_SHARE, "Share of spend on products in their new or growth stage",
                    "share", "transactions, products.lifecycle_stage"),
            new FeatureDefinition(MATURE_PRODUCT_SPEND_SHARE, "Share of spend on mature or declining products",
                    "share", "transactions, products.lifecycle_stage"),
            new FeatureDefinition(SEASONALITY_CONCENTRATION,
                    "Herfindahl index of spend over calendar months: 1/12 when even, 1 when all in one month",
                    "index in [1/12, 1]", ORDERS));

    private FeatureDictionary() {
    }

    /** The definitions of the given feature columns, in their order; columns it does not know are left out. */
    public static List<FeatureDefinition> describe(List<String> columns) {
        List<FeatureDefinition> result = new ArrayList<>();
        for (String column : columns) {
            lookup(column).ifPresent(result::add);
        }
        return result;
    }

    public static Optional<FeatureDefinition> lookup(String column) {
        Optional<FeatureDefinition> behaviour = BEHAVIOUR.stream().filter(d -> d.name().equals(column)).findFirst();
        if (behaviour.isPresent()) {
            return behaviour;
        }
        if (column.startsWith(PAYMENT_SHARE_PREFIX)) {
            String method = column.substring(PAYMENT_SHARE_PREFIX.length());
            return Optional.of(new FeatureDefinition(column, "Share of purchase orders paid by '" + method + "'",
                    "share", "transactions.payment_method"));
        }
        if (column.startsWith(CATEGORY_SHARE_PREFIX)) {
            String category = column.substring(CATEGORY_SHARE_PREFIX.length());
            return Optional.of(new FeatureDefinition(column, "Share of spend on category '" + category + "'",
                    "share", "transactions, products.category"));
        }
        if (column.startsWith(CHANNEL_SHARE_PREFIX)) {
            String channel = column.substring(CHANNEL_SHARE_PREFIX.length());
            return Optional.of(new FeatureDefinition(column, "Share of purchase orders placed through channel '"
                    + channel + "'", "share", "transactions.channel"));
        }
        Optional<ColumnSpec> attribute = CustomersTable.CONTRACT.column(column);
        return attribute.map(spec -> new FeatureDefinition(column, spec.description(), unitOf(spec), "customers." + column));
    }

    private static String unitOf(ColumnSpec spec) {
        if (CustomersTable.PSYCHOGRAPHIC_SCORES.contains(spec.name())) {
            return "score in [0,1]";
        }
        return spec.type().simpleString().equals("string") ? "category" : spec.type().simpleString();
    }
}
