package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.optional;

import java.util.List;

/** Input contract: one row per customer. Everything but the id is optional. */
public final class CustomersTable {
    public static final String NAME = "customers";

    public static final String CUSTOMER_ID = Columns.CUSTOMER_ID;
    public static final String SIGNUP_DATE = "signup_date";
    public static final String BIRTH_YEAR = "birth_year";
    public static final String GENDER = "gender";
    public static final String EDUCATION = "education";
    public static final String FAMILY_STATUS = "family_status";
    public static final String HOUSEHOLD_SIZE = "household_size";
    public static final String INCOME = "income";
    public static final String EMPLOYMENT_STATUS = "employment_status";
    public static final String REGION = Columns.REGION;
    public static final String CITY = "city";
    public static final String CITY_TYPE = "city_type";
    public static final String LATITUDE = Columns.LATITUDE;
    public static final String LONGITUDE = Columns.LONGITUDE;
    public static final String CLIMATE_ZONE = "climate_zone";
    public static final String ECO_CONSCIOUSNESS = "eco_consciousness";
    public static final String TECH_AFFINITY = "tech_affinity";
    public static final String COMFORT_PRIORITY = "comfort_priority";
    public static final String PRICE_SENSITIVITY = "price_sensitivity";
    public static final String PREFERRED_CHANNEL = "preferred_channel";
    /** CRM totals: fill value, frequency and recency for customers without order lines (see CustomerFeatures). */
    public static final String TOTAL_SPEND = "total_spend";
    public static final String ORDER_COUNT = "order_count";
    public static final String LAST_ORDER_DATE = "last_order_date";

    /** Optional CRM totals, for customer exports without order lines. */
    public static final List<String> CRM_TOTALS = List.of(TOTAL_SPEND, ORDER_COUNT, LAST_ORDER_DATE);

    public static final List<String> PSYCHOGRAPHIC_SCORES =
            List.of(ECO_CONSCIOUSNESS, TECH_AFFINITY, COMFORT_PRIORITY, PRICE_SENSITIVITY);

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(CUSTOMER_ID, StringType, "Customer identifier, unique"),
            optional(SIGNUP_DATE, DateType, ValueRule.notAfterRunDate(), "Date the customer relationship began"),
            optional(BIRTH_YEAR, IntegerType, ValueRule.between(1900, 2100), "Year of birth"),
            optional(GENDER, StringType, "Gender as recorded"),
            optional(EDUCATION, StringType, "Highest education level"),
            optional(FAMILY_STATUS, StringType, "Family status, e.g. single, couple, family"),
            optional(HOUSEHOLD_SIZE, IntegerType, ValueRule.positive(), "People in the household"),
            optional(INCOME, DoubleType, ValueRule.nonNegative(), "Yearly household income"),
            optional(EMPLOYMENT_STATUS, StringType, "Employment status, e.g. employed, self-employed, business"),
            optional(REGION, StringType, "Sales region"),
            optional(CITY, StringType, "City"),
            optional(CITY_TYPE, StringType, ValueRule.oneOf("urban", "suburban", "rural"), "urban, suburban or rural"),
            optional(LATITUDE, DoubleType, ValueRule.between(-90, 90), "Latitude in degrees"),
            optional(LONGITUDE, DoubleType, ValueRule.between(-180, 180), "Longitude in degrees"),
            optional(CLIMATE_ZONE, StringType, "Climate zone, e.g. temperate, cold, mediterranean"),
            optional(ECO_CONSCIOUSNESS, DoubleType, ValueRule.between(0, 1), "Survey score in [0,1]"),
            optional(TECH_AFFINITY, DoubleType, ValueRule.between(0, 1), "Survey score in [0,1]"),
            optional(COMFORT_PRIORITY, DoubleType, ValueRule.between(0, 1), "Survey score in [0,1]"),
            optional(PRICE_SENSITIVITY, DoubleType, ValueRule.between(0, 1), "Survey score in [0,1]"),
            optional(PREFERRED_CHANNEL, StringType, "Channel the customer prefers"),
            optional(TOTAL_SPEND, DoubleType, ValueRule.nonNegative(),
                    "CRM total spend net of returns; used as monetary when the customer has no order lines"),
            optional(ORDER_COUNT, IntegerType, ValueRule.nonNegative(),
                    "CRM number of orders; used as frequency when the customer has no order lines"),
            optional(LAST_ORDER_DATE, DateType, ValueRule.notAfterRunDate(),
                    "CRM date of the last order; gives recency when the customer has no order lines")));

    private CustomersTable() {
    }
}
