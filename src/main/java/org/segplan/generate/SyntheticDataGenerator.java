package org.segplan.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.dayofyear;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.make_timestamp;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.dayofmonth;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.segplan.contract.CalendarTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DistributionCentersTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.TransactionsTable;

/**
 * Generates an electric-vehicle maker's customers and order lines with planted segments, as Spark jobs:
 * customers come from {@code spark.range}, orders and lines from {@code explode}, and every random number from
 * a hash of the seed and the row's keys, so the driver never holds the data and any partitioning gives the
 * same rows. Demand has trend, yearly and weekly seasonality, holiday and promotion effects, product launches
 * and intermittent spare parts.
 */
public final class SyntheticDataGenerator {
    /** Candidate order days are thinned by intensity / this bound; rare peaks above it are clipped. */
    private static final double INTENSITY_BOUND = 3.0;
    /** Mean intensity over a typical window, used to size the candidate pool. */
    private static final double MEAN_INTENSITY = 0.95;
    private static final int MAXIMUM_LINES_PER_ORDER = 12;

    private final GeneratorSettings settings;
    private final Randomness random;
    private final List<Catalogue.Product> products;
    private final List<EventCalendar.Event> events;

    private SyntheticDataGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.random = new Randomness(settings.seed());
        this.products = Catalogue.products(settings.startDate(), settings.endDate());
        this.events = EventCalendar.events(settings.startDate(), settings.endDate());
    }

    public static GeneratedData generate(SparkSession spark, GeneratorSettings settings) {
        return new SyntheticDataGenerator(settings).build(spark);
    }

    private GeneratedData build(SparkSession spark) {
        Dataset<Row> people = people(spark);
        Dataset<Row> customers = withDirtyCustomers(people.select(customerColumns()));
        Dataset<Row> transactions = withDirtyLines(lines(people));
        Dataset<Row> truth = people.select(col(CustomersTable.CUSTOMER_ID).as(GroundTruthTable.CUSTOMER_ID),
                col("__segment_label").as(GroundTruthTable.TRUE_SEGMENT));
        return new GeneratedData(customers, productTable(spark), distributionCenterTable(spark), calendarTable(spark),
                transactions, truth);
    }

    // Customers

    private Column bySegment(Function<PlantedSegment, Column> value) {
        PlantedSegment[] segments = PlantedSegment.values();
        Column result = value.apply(segments[segments.length - 1]);
        for (int index = segments.length - 2; index >= 0; index--) {
            result = when(col("__segment").equalTo(index), value.apply(segments[index])).otherwise(result);
        }
        return result;
    }

    private static Column pick(String[] vocabulary, Column index) {
        return element_at(array(Arrays.stream(vocabulary).map(value -> lit(value)).toArray(Column[]::new)),
                index.plus(1));
    }

    private static Column clampScore(Column value) {
        return round(least(lit(1.0), greatest(lit(0.0), value)), 3);
    }

    private Dataset<Row> people(SparkSession spark) {
        Column id = col("id");
        double[] shares = Arrays.stream(PlantedSegment.values()).mapToDouble(segment -> segment.share).toArray();
        double[] cityWeights = Catalogue.CITIES.stream().mapToDouble(Catalogue.City::weight).toArray();
        String[] segmentLabels = Arrays.stream(PlantedSegment.values()).map(segment -> segment.label).toArray(String[]::new);
        Column cityIndex = Randomness.choose(random.uniform("city", id), cityWeights);
        Column jitter = when(col("__city_type").equalTo("urban"), 0.04)
                .when(col("__city_type").equalTo("suburban"), 0.15).otherwise(0.45);
        long windowDays = settings.endDate().toEpochDay() - settings.startDate().toEpochDay();
        Column signupOffset = when(random.uniform("signup-before", id).lt(0.6),
                floor(random.uniform("signup-days", id).multiply(-3 * 365)))
                .otherwise(floor(random.uniform("signup-days", id).multiply(windowDays - 30)));
        Column familyStatus = col(CustomersTable.FAMILY_STATUS);

        Dataset<Row> people = spark.range(0, settings.customers())
                .withColumn("__segment", Randomness.choose(random.uniform("segment", id), shares))
                .withColumn("__segment_label", pick(segmentLabels, col("__segment")))
                .withColumn(CustomersTable.CUSTOMER_ID, format_string("C%07d", id.plus(1)))
                .withColumn("__city", cityIndex)
                .withColumn("__city_type", pick(Catalogue.CITY_TYPES,
                        bySegment(segment -> Randomness.choose(random.uniform("city-type", id), segment.cityTypeWeights))))
                .withColumn(CustomersTable.SIGNUP_DATE, date_add(lit(Date.valueOf(settings.startDate())),
                        signupOffset.cast("int")))
                .withColumn(CustomersTable.BIRTH_YEAR, least(lit(2006), greatest(lit(1940),
                        round(bySegment(segment -> lit(segment.meanBirthYear))
                                .plus(random.normal("birth", id).multiply(8)))).cast("int")))
                .withColumn(CustomersTable.GENDER, pick(new String[] {"female", "male", "diverse"},
                        Randomness.choose(random.uniform("gender", id), new double[] {0.49, 0.49, 0.02})))
                .withColumn(CustomersTable.EDUCATION, pick(Catalogue.EDUCATION, bySegment(segment ->
                        Randomness.choose(random.uniform("education", id), segment == PlantedSegment.TECH_ENTHUSIAST
                                || segment == PlantedSegment.BUSINESS_FLEET
                                ? new double[] {0.05, 0.10, 0.40, 0.35, 0.10} : new double[] {0.25, 0.30, 0.30, 0.12, 0.03}))))
                .withColumn(CustomersTable.FAMILY_STATUS, pick(Catalogue.FAMILY_STATUSES,
                        bySegment(segment -> Randomness.choose(random.uniform("family", id), segment.familyStatusWeights))))
                .withColumn(CustomersTable.HOUSEHOLD_SIZE,
                        when(familyStatus.equalTo("family"), floor(random.uniform("household", id).multiply(4)).plus(3))
                                .when(familyStatus.equalTo("couple"), lit(2))
                                .when(familyStatus.equalTo("company"), lit(null))
                                .otherwise(floor(random.uniform("household", id).multiply(2)).plus(1)).cast("int"))
                .withColumn(CustomersTable.INCOME, round(bySegment(segment -> lit(segment.medianIncome))
                        .multiply(exp(random.normal("income", id).multiply(0.3))), -2))
                .withColumn(CustomersTable.EMPLOYMENT_STATUS, when(familyStatus.equalTo("company"), lit("business"))
                        .when(familyStatus.equalTo("retired"), lit("retired"))
                        .otherwise(pick(new String[] {"employed", "self_employed", "student", "unemployed"},
                                Randomness.choose(random.uniform("employment", id), new double[] {0.80, 0.12, 0.05, 0.03}))))
                .withColumn(CustomersTable.REGION, pick(Catalogue.CITIES.stream().map(Catalogue.City::region)
                        .toArray(String[]::new), col("__city")))
                .withColumn(CustomersTable.CITY, pick(Catalogue.CITIES.stream().map(Catalogue.City::name)
                        .toArray(String[]::new), col("__city")))
                .withColumn(CustomersTable.CITY_TYPE, col("__city_type"))
                .withColumn(CustomersTable.LATITUDE, round(cityCoordinate(true).plus(
                        random.normal("latitude", id).multiply(jitter)), 4))
                .withColumn(CustomersTable.LONGITUDE, round(cityCoordinate(false).plus(
                        random.normal("longitude", id).multiply(jitter)), 4))
                .withColumn(CustomersTable.CLIMATE_ZONE, pick(Catalogue.CITIES.stream().map(Catalogue.City::climateZone)
                        .toArray(String[]::new), col("__city")));
        String[] scores = CustomersTable.PSYCHOGRAPHIC_SCORES.toArray(String[]::new);
        for (int index = 0; index < scores.length; index++) {
            int score = index;
            people = people.withColumn(scores[index], clampScore(bySegment(segment -> lit(segment.psychographicMeans[score]))
                    .plus(random.normal(scores[score], id).multiply(0.09))));
        }
        return people.withColumn(CustomersTable.PREFERRED_CHANNEL, pick(Catalogue.CHANNELS,
                bySegment(segment -> Randomness.choose(random.uniform("preferred-channel", id), segment.channelWeights))));
    }

    private static Column cityCoordinate(boolean latitude) {
        return element_at(array(Catalogue.CITIES.stream()
                .map(city -> lit(latitude ? city.latitude() : city.longitude())).toArray(Column[]::new)),
                col("__city").plus(1));
    }

    private static Column[] customerColumns() {
        // The generator writes order lines, so its customers carry no CRM totals.
        return CustomersTable.CONTRACT.columnNames().stream().filter(name -> !CustomersTable.CRM_TOTALS.contains(name))
                .map(name -> asText(col(name), name)).toArray(Column[]::new);
    }

    // Orders and lines

    private Column intensity(Column day, Column weekday) {
        Column years = datediff(day, lit(Date.valueOf(settings.startDate()))).divide(365.25);
        Column dayOfYear = dayofyear(day);
        Column trend = years.multiply(0.15).plus(1);
        Column yearly = cos(dayOfYear.minus(105).multiply(2 * Math.PI / 365.25)).multiply(0.25)
                .plus(cos(dayOfYear.minus(280).multiply(4 * Math.PI / 365.25)).multiply(0.10)).plus(1);
        Column weekly = bySegment(segment -> segment.channelWeights[2] > 0.5
                ? when(weekday.equalTo(7), 1.7).when(weekday.equalTo(1), 0.3).otherwise(1.0)
                : when(weekday.isin(1, 7), 1.25).otherwise(0.9));
        Column promotion = when(day.isin(eventDates(false)), 1.9).otherwise(1.0);
        Column holiday = when(day.isin(eventDates(true)), 0.35).otherwise(1.0);
        return trend.multiply(yearly).multiply(weekly).multiply(promotion).multiply(holiday);
    }

    private Object[] eventDates(boolean holidays) {
        return events.stream().filter(event -> event.isHoliday() == holidays).map(event -> Date.valueOf(event.date()))
                .toArray();
    }

    private Dataset<Row> orders(Dataset<Row> people) {
        Column customerId = col(CustomersTable.CUSTOMER_ID);
        Column activeStart = greatest(col(CustomersTable.SIGNUP_DATE), lit(Date.valueOf(settings.startDate())));
        Column activeDays = datediff(lit(Date.valueOf(settings.endDate())), col("__active_start")).plus(1);
        boolean[] regular = new boolean[PlantedSegment.values().length];
        regular[PlantedSegment.BUSINESS_FLEET.ordinal()] = true;
        Column isRegular = col("__segment").equalTo(PlantedSegment.BUSINESS_FLEET.ordinal());
        // Regular buyers order about every 30 days; others at random days thinned by the demand intensity.
        Column expectedCandidates = when(isRegular, floor(activeDays.divide(30)))
                .otherwise(bySegment(segment -> lit(segment.ordersPerYear)).multiply(activeDays).divide(365.25)
                        .multiply(INTENSITY_BOUND / MEAN_INTENSITY));
        Column candidates = floor(expectedCandidates.plus(random.uniform("candidates", customerId))).cast("int");
        Column candidate = col("__candidate");
        Column day = when(isRegular, date_add(col("__active_start"), candidate.minus(1).multiply(30)
                .plus(floor(random.uniform("regular-day", customerId, candidate).multiply(5))).cast("int")))
                .otherwise(date_add(col("__active_start"),
                        floor(random.uniform("day", customerId, candidate).multiply(activeDays)).cast("int")));
        Column accept = when(isRegular, random.uniform("accept", customerId, candidate).lt(0.95)
                        .and(col("__day").isin(eventDates(true)).unary_$bang()))
                .otherwise(random.uniform("accept", customerId, candidate)
                        .lt(intensity(col("__day"), dayofweek(col("__day"))).divide(INTENSITY_BOUND)));
        Column orderKey = concat(customerId, lit("-"), candidate);
        return people
                .withColumn("__active_start", activeStart)
                .withColumn("__candidate", explode(sequence(lit(1), greatest(lit(0), candidates))))
                .withColumn("__day", day)
                .where(col("__day").leq(lit(Date.valueOf(settings.endDate()))).and(accept))
                .withColumn(TransactionsTable.ORDER_ID, concat(lit("O"), customerId.substr(2, 7), lit("-"),
                        format_string("%04d", candidate)))
                .withColumn("__order_key", orderKey)
                .withColumn(TransactionsTable.CHANNEL, pick(Catalogue.CHANNELS, bySegment(segment ->
                        Randomness.choose(random.uniform("channel", orderKey), segment.channelWeights))))
                .withColumn(TransactionsTable.PAYMENT_METHOD, pick(Catalogue.PAYMENT_METHODS, bySegment(segment ->
                        Randomness.choose(random.uniform("payment", orderKey), segment.paymentWeights))))
                .withColumn(TransactionsTable.REQUESTED_LEAD_TIME_DAYS, bySegment(segment ->
                        floor(random.uniform("lead-time", orderKey).multiply(
                                segment.maximumLeadTimeDays - segment.minimumLeadTimeDays + 1))
                                .plus(segment.minimumLeadTimeDays)).cast("int"))
                .withColumn(TransactionsTable.ORDER_TIMESTAMP, make_timestamp(year(col("__day")), month(col("__day")),
                        dayofmonth(col("__day")),
                        floor(random.uniform("hour", orderKey).multiply(12)).plus(8).cast("int"),
                        floor(random.uniform("minute", orderKey).multiply(60)).cast("int"),
                        floor(random.uniform("second", orderKey).multiply(60)).cast("decimal(8,6)")))
                .withColumn("__lines", least(lit(MAXIMUM_LINES_PER_ORDER), floor(
                        log(greatest(random.uniform("lines", orderKey), lit(1e-9))).multiply(-1)
                                .multiply(bySegment(segment -> lit(segment.linesPerOrder - 1)))).plus(1)).cast("int"));
    }

    private Dataset<Row> lines(Dataset<Row> people) {
        Column lineKey = concat(col("__order_key"), lit("-"), col(TransactionsTable.LINE_NUMBER));
        // Spare parts sell more in winter, vehicles in spring.
        Column winter = greatest(lit(0.0), cos(dayofyear(col("__day")).minus(15).multiply(2 * Math.PI / 365.25)));
        Column spring = greatest(lit(0.0), cos(dayofyear(col("__day")).minus(110).multiply(2 * Math.PI / 365.25)));
        Dataset<Row> lines = orders(people)
                .withColumn(TransactionsTable.LINE_NUMBER, explode(sequence(lit(1), col("__lines"))))
                .withColumn("__category", bySegment(segment -> chooseCategory(random.uniform("category", lineKey),
                        segment.categoryWeights, winter, spring)));
        lines = withProduct(lines, lineKey);
        Column quantity = bySegment(segment -> floor(random.uniform("quantity", lineKey)
                .multiply(segment.maximumQuantity - segment.minimumQuantity + 1)).plus(segment.minimumQuantity));
        Column consumerVehicle = col("__category").equalTo(0)
                .and(col("__segment").notEqual(PlantedSegment.BUSINESS_FLEET.ordinal()));
        Column promotion = col("__day").isin(eventDates(false));
        Dataset<Row> purchases = lines
                .withColumn(TransactionsTable.QUANTITY, when(consumerVehicle, lit(1)).otherwise(quantity).cast("double"))
                .withColumn(TransactionsTable.UNIT_PRICE, round(col("__list_price")
                        .multiply(when(promotion, 0.9).otherwise(1.0))
                        .multiply(random.normal("price", lineKey).multiply(0.02).plus(1)), 2))
                .withColumn(TransactionsTable.IS_RETURN, lit(false));
        Column returnDay = date_add(col("__day"), floor(random.uniform("return-day", lineKey).multiply(24)).plus(7).cast("int"));
        Dataset<Row> returns = purchases
                .where(random.uniform("return", lineKey).lt(bySegment(segment -> lit(segment.returnProbability)))
                        .and(returnDay.leq(lit(Date.valueOf(settings.endDate())))))
                .withColumn(TransactionsTable.ORDER_TIMESTAMP, make_timestamp(year(returnDay), month(returnDay),
                        dayofmonth(returnDay), lit(10), lit(0), lit(0).cast("decimal(8,6)")))
                .withColumn(TransactionsTable.ORDER_ID, concat(col(TransactionsTable.ORDER_ID), lit("-R"),
                        col(TransactionsTable.LINE_NUMBER)))
                .withColumn(TransactionsTable.LINE_NUMBER, lit(1))
                .withColumn(TransactionsTable.REQUESTED_LEAD_TIME_DAYS, lit(null).cast("int"))
                .withColumn(TransactionsTable.IS_RETURN, lit(true));
        Column[] output = TransactionsTable.CONTRACT.columnNames().stream().map(name -> asText(col(name), name))
                .toArray(Column[]::new);
        return purchases.select(output).unionByName(returns.select(output));
    }

    private static Column chooseCategory(Column uniform, double[] weights, Column winter, Column spring) {
        Column[] adjusted = new Column[weights.length];
        for (int index = 0; index < weights.length; index++) {
            adjusted[index] = lit(weights[index]);
        }
        adjusted[0] = adjusted[0].multiply(spring.multiply(0.6).plus(0.7));
        adjusted[2] = adjusted[2].multiply(winter.multiply(0.8).plus(0.8));
        Column total = adjusted[0];
        for (int index = 1; index < adjusted.length; index++) {
            total = total.plus(adjusted[index]);
        }
        Column result = lit(weights.length - 1);
        Column cumulative = lit(0.0);
        Column[] bounds = new Column[weights.length];
        for (int index = 0; index < weights.length; index++) {
            cumulative = cumulative.plus(adjusted[index]);
            bounds[index] = cumulative.divide(total);
        }
        for (int index = weights.length - 2; index >= 0; index--) {
            result = when(uniform.lt(bounds[index]), lit(index)).otherwise(result);
        }
        return result;
    }

    /** Picks a product of the line's category among those launched by the order day; newer ones for early adopters. */
    private Dataset<Row> withProduct(Dataset<Row> lines, Column lineKey) {
        Dataset<Row> result = lines.withColumn("__order_epoch_day", datediff(col("__day"), lit(Date.valueOf("1970-01-01"))));
        Column index = lit(0);
        Column ids = null;
        Column prices = null;
        for (int category = Catalogue.CATEGORIES.length - 1; category >= 0; category--) {
            String name = Catalogue.CATEGORIES[category];
            List<Catalogue.Product> inCategory = products.stream().filter(product -> product.category().equals(name)).toList();
            String launches = inCategory.stream().map(product -> String.valueOf(product.launchDate().toEpochDay()))
                    .collect(Collectors.joining(","));
            Column launched = expr("size(filter(array(" + launches + "), launch -> launch <= __order_epoch_day))");
            Column categoryIds = array(inCategory.stream().map(product -> lit(product.id())).toArray(Column[]::new));
            Column categoryPrices = array(inCategory.stream().map(product -> lit(product.listPrice())).toArray(Column[]::new));
            Column isCategory = col("__category").equalTo(category);
            index = when(isCategory, launched).otherwise(index);
            ids = ids == null ? categoryIds : when(isCategory, categoryIds).otherwise(ids);
            prices = prices == null ? categoryPrices : when(isCategory, categoryPrices).otherwise(prices);
        }
        // u^0.35 leans to the newest launched products, u^1.3 to the established ones.
        Column skew = bySegment(segment -> lit(segment.prefersNewProducts ? 0.35 : 1.3));
        Column position = least(col("__launched").minus(1),
                floor(pow(random.uniform("product", lineKey), skew).multiply(col("__launched")))).plus(1);
        return result
                .withColumn("__launched", greatest(lit(1), index))
                .withColumn("__position", position.cast("int"))
                .withColumn(TransactionsTable.PRODUCT_ID, element_at(ids, col("__position")))
                .withColumn("__list_price", element_at(prices, col("__position")));
    }

    // Small tables, built on the driver

    private Dataset<Row> productTable(SparkSession spark) {
        List<Row> rows = products.stream().map(product -> RowFactory.create(product.id(), product.name(),
                product.category(), product.lifecycleStage(), String.format(java.util.Locale.ROOT, "%.2f", product.unitCost()),
                product.launchDate().toString())).toList();
        return spark.createDataFrame(rows, textSchema(ProductsTable.PRODUCT_ID, ProductsTable.PRODUCT_NAME,
                ProductsTable.CATEGORY, ProductsTable.LIFECYCLE_STAGE, ProductsTable.UNIT_COST, ProductsTable.LAUNCH_DATE));
    }

    private Dataset<Row> distributionCenterTable(SparkSession spark) {
        List<Row> rows = Catalogue.DISTRIBUTION_CENTERS.stream().map(center -> RowFactory.create(center.id(),
                center.name(), String.valueOf(center.latitude()), String.valueOf(center.longitude()),
                String.valueOf((long) (center.weeklyCapacity() * Math.max(1.0, settings.customers() / 4000.0))),
                String.valueOf(center.fixedCost()), String.valueOf(center.handlingCost()))).toList();
        return spark.createDataFrame(rows, textSchema(DistributionCentersTable.DC_ID, DistributionCentersTable.DC_NAME,
                DistributionCentersTable.LATITUDE, DistributionCentersTable.LONGITUDE,
                DistributionCentersTable.WEEKLY_CAPACITY_UNITS, DistributionCentersTable.FIXED_COST,
                DistributionCentersTable.HANDLING_COST_PER_UNIT));
    }

    private Dataset<Row> calendarTable(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        events.stream().map(EventCalendar.Event::date).distinct().forEach(date -> {
            List<EventCalendar.Event> onDate = events.stream().filter(event -> event.date().equals(date)).toList();
            String holiday = onDate.stream().filter(EventCalendar.Event::isHoliday).map(EventCalendar.Event::name)
                    .findFirst().orElse(null);
            String promotion = onDate.stream().filter(event -> !event.isHoliday()).map(EventCalendar.Event::name)
                    .findFirst().orElse(null);
            rows.add(RowFactory.create(date.toString(), String.valueOf(holiday != null), holiday,
                    String.valueOf(promotion != null), promotion));
        });
        return spark.createDataFrame(rows, textSchema(CalendarTable.CALENDAR_DATE, CalendarTable.IS_HOLIDAY,
                CalendarTable.HOLIDAY_NAME, CalendarTable.IS_PROMOTION, CalendarTable.PROMOTION_NAME));
    }

    private static StructType textSchema(String... names) {
        StructType schema = new StructType();
        for (String name : names) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        return schema;
    }

    /** Values as an export writes them: ISO timestamps, plain decimals, lower-case booleans. */
    private static Column asText(Column value, String name) {
        if (name.equals(TransactionsTable.ORDER_TIMESTAMP)) {
            return date_format(value, "yyyy-MM-dd HH:mm:ss").as(name);
        }
        if (name.equals(TransactionsTable.QUANTITY)) {
            return value.cast("long").cast("string").as(name);
        }
        return value.cast("string").as(name);
    }

    // Dirty rows: extra rows of each kind the quarantine must catch, at deterministic positions.

    private long stride() {
        return settings.dirtyShare() <= 0 ? Long.MAX_VALUE : Math.max(1, Math.round(1 / settings.dirtyShare()));
    }

    private Dataset<Row> withDirtyCustomers(Dataset<Row> customers) {
        if (settings.dirtyShare() <= 0) {
            return customers;
        }
        Column number = col(CustomersTable.CUSTOMER_ID).substr(2, 7).cast("long");
        Dataset<Row> picked = customers.where(number.mod(stride()).equalTo(1));
        // The kind is fixed in a column first: the expressions below change the id it is computed from.
        Dataset<Row> dirty = picked
                .withColumn("__kind", number.divide(stride()).cast("long").mod(3));
        Column kind = col("__kind");
        dirty = dirty
                .withColumn(CustomersTable.CUSTOMER_ID, when(kind.equalTo(2), col(CustomersTable.CUSTOMER_ID))
                        .otherwise(concat(lit("CX"), col(CustomersTable.CUSTOMER_ID).substr(3, 6))))
                .withColumn(CustomersTable.TECH_AFFINITY, when(kind.equalTo(0), lit("1.7"))
                        .otherwise(col(CustomersTable.TECH_AFFINITY)))
                .withColumn(CustomersTable.CITY_TYPE, when(kind.equalTo(1), lit("metropolis"))
                        .otherwise(col(CustomersTable.CITY_TYPE)))
                .withColumn(CustomersTable.INCOME, when(kind.equalTo(2), lit("0")).otherwise(col(CustomersTable.INCOME)))
                .drop("__kind");
        return customers.unionByName(dirty);
    }

    private Dataset<Row> withDirtyLines(Dataset<Row> transactions) {
        if (settings.dirtyShare() <= 0) {
            return transactions;
        }
        Column number = col(TransactionsTable.ORDER_ID).substr(2, 7).cast("long");
        Dataset<Row> picked = transactions.where(number.mod(stride() / 10 + 1).equalTo(0)
                .and(col(TransactionsTable.ORDER_ID).endsWith("-0001"))
                .and(col(TransactionsTable.LINE_NUMBER).equalTo("1")));
        Column kind = col("__kind");
        String future = settings.endDate().plusDays(3) + " 12:00:00";
        Dataset<Row> dirty = picked.withColumn("__kind", number.divide(stride() / 10 + 1).cast("long").mod(7))
                .withColumn(TransactionsTable.ORDER_ID, when(kind.equalTo(5), col(TransactionsTable.ORDER_ID))
                        .otherwise(concat(col(TransactionsTable.ORDER_ID), lit("-X"))))
                .withColumn(TransactionsTable.CUSTOMER_ID, when(kind.equalTo(0), lit(""))
                        .when(kind.equalTo(4), lit("C9999999X")).otherwise(col(TransactionsTable.CUSTOMER_ID)))
                .withColumn(TransactionsTable.QUANTITY, when(kind.equalTo(1), lit("-2")).otherwise(col(TransactionsTable.QUANTITY)))
                .withColumn(TransactionsTable.UNIT_PRICE, when(kind.equalTo(2), lit("12,5O")).otherwise(col(TransactionsTable.UNIT_PRICE)))
                .withColumn(TransactionsTable.PRODUCT_ID, when(kind.equalTo(3), lit("P9999")).otherwise(col(TransactionsTable.PRODUCT_ID)))
                .withColumn(TransactionsTable.ORDER_TIMESTAMP, when(kind.equalTo(6), lit(future))
                        .otherwise(col(TransactionsTable.ORDER_TIMESTAMP)))
                .drop("__kind");
        return transactions.unionByName(dirty);
    }
}
