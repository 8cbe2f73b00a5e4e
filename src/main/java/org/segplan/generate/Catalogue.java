package org.segplan.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The small fixed catalogues the generator draws from: cities, distribution centers, products, vocabularies. */
final class Catalogue {
    static final String[] CITY_TYPES = {"urban", "suburban", "rural"};
    static final String[] FAMILY_STATUSES = {"single", "couple", "family", "retired", "company", "other"};
    static final String[] CHANNELS = {"online", "app", "dealer", "fleet_portal"};
    static final String[] PAYMENT_METHODS = {"card", "financing", "invoice", "subscription"};
    static final String[] CATEGORIES = {"vehicle", "accessory", "spare_part", "service", "charging_plan"};
    static final String[] EDUCATION = {"secondary", "vocational", "bachelor", "master", "doctorate"};

    record City(String name, String region, double latitude, double longitude, String climateZone, double weight) {
    }

    record DistributionCenter(String id, String name, double latitude, double longitude, double weeklyCapacity,
            double fixedCost, double handlingCost) {
    }

    record Product(String id, String name, String category, LocalDate launchDate, String lifecycleStage,
            double listPrice, double unitCost) {
    }

    static final List<City> CITIES = List.of(
            new City("Hamburg", "north", 53.55, 9.99, "temperate_maritime", 1.8),
            new City("Berlin", "east", 52.52, 13.40, "temperate_continental", 3.6),
            new City("Copenhagen", "north", 55.68, 12.57, "temperate_maritime", 1.3),
            new City("Stockholm", "north", 59.33, 18.07, "cold", 1.6),
            new City("Oslo", "north", 59.91, 10.75, "cold", 1.0),
            new City("Amsterdam", "west", 52.37, 4.90, "temperate_maritime", 1.5),
            new City("Rotterdam", "west", 51.92, 4.48, "temperate_maritime", 1.0),
            new City("Brussels", "west", 50.85, 4.35, "temperate_maritime", 1.2),
            new City("Paris", "west", 48.86, 2.35, "temperate_maritime", 4.0),
            new City("Lyon", "south", 45.76, 4.84, "temperate_continental", 1.3),
            new City("Munich", "south", 48.14, 11.58, "temperate_continental", 1.5),
            new City("Stuttgart", "south", 48.78, 9.18, "temperate_continental", 0.9),
            new City("Frankfurt", "east", 50.11, 8.68, "temperate_continental", 1.1),
            new City("Prague", "east", 50.08, 14.44, "temperate_continental", 1.0),
            new City("Vienna", "east", 48.21, 16.37, "temperate_continental", 1.4),
            new City("Milan", "south", 45.46, 9.19, "mediterranean", 1.7),
            new City("Barcelona", "south", 41.39, 2.17, "mediterranean", 1.6),
            new City("Madrid", "south", 40.42, -3.70, "mediterranean", 2.2));

    static final List<DistributionCenter> DISTRIBUTION_CENTERS = List.of(
            new DistributionCenter("DC01", "Hamburg Port", 53.50, 10.00, 9_000, 42_000, 1.6),
            new DistributionCenter("DC02", "Rotterdam Europoort", 51.95, 4.14, 12_000, 48_000, 1.4),
            new DistributionCenter("DC03", "Paris Sud", 48.73, 2.37, 10_000, 52_000, 1.8),
            new DistributionCenter("DC04", "Lyon Rhone", 45.73, 4.90, 6_000, 30_000, 1.5),
            new DistributionCenter("DC05", "Munich East", 48.15, 11.75, 8_000, 45_000, 1.7),
            new DistributionCenter("DC06", "Milan Nord", 45.53, 9.20, 6_500, 33_000, 1.5),
            new DistributionCenter("DC07", "Madrid Getafe", 40.31, -3.73, 5_500, 28_000, 1.3),
            new DistributionCenter("DC08", "Malmo Oresund", 55.60, 13.00, 5_000, 31_000, 1.6),
            new DistributionCenter("DC09", "Prague Ruzyne", 50.10, 14.26, 4_500, 22_000, 1.2));

    private Catalogue() {
    }

    /**
     * About a hundred products. Within a category products are ordered by launch date, oldest first, so a
     * draw skewed towards the end picks newer products.
     */
    static List<Product> products(LocalDate start, LocalDate end) {
        List<Product> products = new ArrayList<>();
        addCategory(products, "vehicle", new String[] {"Volta City", "Volta Family", "Volta Van", "Volta Sport",
                "Volta Crossover", "Volta Compact"}, start, end, 34_000, 0.78, 6);
        addCategory(products, "accessory", names("Accessory", 28), start, end, 180, 0.45, 28);
        addCategory(products, "spare_part", names("Spare part", 40), start, end, 85, 0.40, 40);
        addCategory(products, "service", names("Service plan", 10), start, end, 420, 0.55, 10);
        addCategory(products, "charging_plan", names("Charging plan", 8), start, end, 240, 0.30, 8);
        return products;
    }

    private static String[] names(String stem, int count) {
        String[] names = new String[count];
        for (int index = 0; index < count; index++) {
            names[index] = stem + " " + (index + 1);
        }
        return names;
    }

    private static void addCategory(List<Product> products, String category, String[] names, LocalDate start,
            LocalDate end, double basePrice, double costShare, int count) {
        long windowDays = end.toEpochDay() - start.toEpochDay();
        for (int index = 0; index < count; index++) {
            // Two thirds launched before the window (some long ago, now declining), a third during it.
            double position = (double) index / count;
            LocalDate launch = position < 0.67
                    ? start.minusDays(Math.round((0.67 - position) * 6 * 365))
                    : start.plusDays(Math.round((position - 0.67) / 0.33 * windowDays * 0.9));
            long ageDays = end.toEpochDay() - launch.toEpochDay();
            String stage = ageDays < 180 ? "new" : ageDays < 540 ? "growth" : position < 0.12 ? "decline" : "mature";
            double price = Math.round(basePrice * (0.6 + 0.8 * ((index * 37) % count) / (double) count) * 100) / 100.0;
            String id = String.format("P%04d", products.size() + 1);
            products.add(new Product(id, names[index], category, launch, stage, price,
                    Math.round(price * costShare * 100) / 100.0));
        }
    }
}
