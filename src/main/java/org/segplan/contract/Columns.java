package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;

/**
 * The shared column vocabulary: every column that more than one table has, named once, with its one type and
 * meaning. Table classes alias these names ({@code SEGMENT_ID = Columns.SEGMENT_ID}) and build their contracts from
 * {@link #definition(String)}, so a column means and types the same wherever it appears.
 */
public final class Columns {
    // Run
    public static final String RUN_DATE = "run_date";
    public static final String RUN_ID = "run_id";

    // Entities
    public static final String CUSTOMER_ID = "customer_id";
    public static final String PRODUCT_ID = "product_id";
    public static final String DC_ID = "dc_id";
    public static final String CATEGORY = "category";
    public static final String REGION = "region";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String ZONE_ID = "zone_id";
    public static final String ZONE_NAME = "zone_name";

    // Segments
    public static final String SEGMENT_ID = "segment_id";
    public static final String SEGMENT_NAME = "segment_name";
    public static final String SEGMENT_LABEL = "segment_label";
    public static final String MEMBERSHIP_PROBABILITY = "membership_probability";
    public static final String RUNNER_UP_SEGMENT_ID = "runner_up_segment_id";
    public static final String ALGORITHM = "algorithm";
    public static final String K = "k";
    public static final String FEATURE = "feature";
    public static final String FEATURES = "features";
    public static final String SEGMENTS = "segments";
    public static final String CUSTOMERS = "customers";
    public static final String CUSTOMER_SHARE = "customer_share";
    public static final String REVENUE_SHARE = "revenue_share";
    public static final String RULE_SET = "rule_set";
    public static final String RULE_SEGMENT = "rule_segment";
    public static final String MATCHED_RULE = "matched_rule";

    // Service policies
    public static final String POLICY_NAME = "policy_name";
    public static final String TARGET_SERVICE_LEVEL = "target_service_level";
    public static final String CONSOLIDATION = "consolidation";

    // Value
    public static final String NET_VALUE = "net_value";
    public static final String VALUE_SHARE = "value_share";

    // Demand, forecasts and plans
    public static final String PERIOD_START = "period_start";
    public static final String HORIZON_STEP = "horizon_step";
    public static final String DEMAND_UNITS = "demand_units";
    public static final String SERIES_ID = "series_id";
    public static final String MODEL = "model";
    public static final String METRIC = "metric";
    public static final String FORECAST = "forecast";
    public static final String LOWER_80 = "lower_80";
    public static final String UPPER_80 = "upper_80";
    public static final String LOWER_95 = "lower_95";
    public static final String UPPER_95 = "upper_95";
    public static final String MEAN_DEMAND_PER_BUCKET = "mean_demand_per_bucket";
    public static final String UNMET_UNITS = "unmet_units";
    public static final String UNMET_COST = "unmet_cost";
    public static final String FIXED_COST = "fixed_cost";

    // Results
    public static final String LEVEL = "level";
    public static final String STATUS = "status";
    public static final String MESSAGE = "message";

    private static final Map<String, ColumnDefinition> VOCABULARY = index(List.of(
            define(RUN_DATE, DateType, "The run date the row belongs to (the table's partition)"),
            define(RUN_ID, StringType, "The run that wrote the row"),
            define(CUSTOMER_ID, StringType, "Customer identifier (customers.customer_id)"),
            define(PRODUCT_ID, StringType, "Product identifier (products.product_id)"),
            define(DC_ID, StringType, "Distribution center identifier (distribution_centers.dc_id)"),
            define(CATEGORY, StringType, "Product category"),
            define(REGION, StringType, "Sales region"),
            define(LATITUDE, DoubleType, "Latitude in degrees"),
            define(LONGITUDE, DoubleType, "Longitude in degrees"),
            define(ZONE_ID, StringType, "Demand zone identifier (demand_zones.zone_id)"),
            define(ZONE_NAME, StringType, "Readable name of the demand zone"),
            define(SEGMENT_ID, IntegerType, "Data-driven segment (customer_segments); 1 is the largest of its run"),
            define(SEGMENT_NAME, StringType, "Readable name of the segment from its distinguishing features"),
            define(SEGMENT_LABEL, StringType, "The segment as a label, e.g. S3"),
            define(MEMBERSHIP_PROBABILITY, DoubleType,
                    "Gaussian mixtures only: the probability of the assigned segment; null for the k-means family"),
            define(RUNNER_UP_SEGMENT_ID, IntegerType,
                    "Gaussian mixtures only: the second most likely segment; null for the k-means family"),
            define(ALGORITHM, StringType, "Segmentation algorithm (segplan.segmentation.algorithm)"),
            define(K, IntegerType, "Number of segments"),
            define(FEATURE, StringType, "A column of customer_features"),
            define(FEATURES, StringType, "Features used, comma separated"),
            define(SEGMENTS, IntegerType, "Number of segments"),
            define(CUSTOMERS, LongType, "Number of customers"),
            define(CUSTOMER_SHARE, DoubleType, "Share of the run's customers"),
            define(REVENUE_SHARE, DoubleType, "Share of the run's net revenue"),
            define(RULE_SET, StringType, "Configured rule set (segplan.rules)"),
            define(RULE_SEGMENT, StringType, "Domain segment the rule set assigns"),
            define(MATCHED_RULE, StringType, "The rule that matched, in words"),
            define(POLICY_NAME, StringType, "Service policy (segplan.service-policies)"),
            define(TARGET_SERVICE_LEVEL, DoubleType, "Probability of no stock-out per replenishment cycle, in (0, 1)"),
            define(CONSOLIDATION, StringType, "How orders are consolidated, e.g. none, weekly, made-to-order"),
            define(NET_VALUE, DoubleType, "Sales minus returns, at transaction prices"),
            define(VALUE_SHARE, DoubleType, "Share of the total net value"),
            define(PERIOD_START, DateType, "First day of the period (bucket), e.g. the Monday of the week"),
            define(HORIZON_STEP, IntegerType, "1 for the first period after the run date"),
            define(DEMAND_UNITS, DoubleType, "Net units demanded (ordered minus returned)"),
            define(SERIES_ID, StringType, "Series identifier"),
            define(MODEL, StringType, "Forecasting model"),
            define(METRIC, StringType, "Name of the metric"),
            define(FORECAST, DoubleType, "Point forecast"),
            define(LOWER_80, DoubleType, "Lower bound of the 80% prediction interval"),
            define(UPPER_80, DoubleType, "Upper bound of the 80% prediction interval"),
            define(LOWER_95, DoubleType, "Lower bound of the 95% prediction interval"),
            define(UPPER_95, DoubleType, "Upper bound of the 95% prediction interval"),
            define(MEAN_DEMAND_PER_BUCKET, DoubleType, "Mean demand per bucket of the history"),
            define(UNMET_UNITS, DoubleType, "Demand units left undelivered"),
            define(UNMET_COST, DoubleType, "Penalty cost of the undelivered units"),
            define(FIXED_COST, DoubleType, "Fixed cost of keeping a center open"),
            define(LEVEL, StringType, "Level the row is at"),
            define(STATUS, StringType, "Outcome"),
            define(MESSAGE, StringType, "What happened, in words")));

    private Columns() {
    }

    /** The vocabulary's definition of a shared column. */
    public static ColumnDefinition definition(String name) {
        ColumnDefinition definition = VOCABULARY.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("'" + name + "' is not in the shared column vocabulary " + VOCABULARY.keySet());
        }
        return definition;
    }

    /** Every shared column, in the order above. */
    public static List<ColumnDefinition> all() {
        return List.copyOf(VOCABULARY.values());
    }

    private static ColumnDefinition define(String name, DataType type, String description) {
        return new ColumnDefinition(name, type, description);
    }

    private static Map<String, ColumnDefinition> index(List<ColumnDefinition> definitions) {
        Map<String, ColumnDefinition> index = new LinkedHashMap<>();
        for (ColumnDefinition definition : definitions) {
            if (index.put(definition.name(), definition) != null) {
                throw new IllegalStateException("column " + definition.name() + " is defined twice");
            }
        }
        return Collections.unmodifiableMap(index);
    }
}
