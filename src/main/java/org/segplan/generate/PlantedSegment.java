package org.segplan.generate;

/**
 * The customer segments the generator plants, each with its own demographics, geography, channel, basket,
 * rhythm and requested lead times. Weights are over the vocabularies in {@link Catalogue}.
 */
enum PlantedSegment {
    ECO_URBAN("eco_urban", 0.25,
            new double[] {0.85, 0.12, 0.03}, new double[] {0.85, 0.55, 0.35, 0.40}, 1988, 52_000,
            new double[] {0.55, 0.35, 0.05, 0.00, 0.00, 0.05}, new double[] {0.40, 0.50, 0.10, 0.00},
            new double[] {0.55, 0.10, 0.05, 0.30}, 6.0, 2.0, 1, 2,
            new double[] {0.05, 0.45, 0.10, 0.10, 0.30}, 7, 21, 0.05, false),
    COST_COMMUTER("cost_commuter", 0.25,
            new double[] {0.10, 0.55, 0.35}, new double[] {0.30, 0.30, 0.20, 0.85}, 1980, 38_000,
            new double[] {0.25, 0.35, 0.30, 0.10, 0.00, 0.00}, new double[] {0.70, 0.10, 0.15, 0.05},
            new double[] {0.25, 0.55, 0.05, 0.10}, 2.5, 1.8, 1, 3,
            new double[] {0.05, 0.10, 0.55, 0.25, 0.05}, 5, 14, 0.02, false),
    TECH_ENTHUSIAST("tech_enthusiast", 0.20,
            new double[] {0.60, 0.35, 0.05}, new double[] {0.45, 0.92, 0.50, 0.20}, 1990, 85_000,
            new double[] {0.45, 0.35, 0.15, 0.05, 0.00, 0.00}, new double[] {0.10, 0.80, 0.05, 0.05},
            new double[] {0.55, 0.05, 0.05, 0.35}, 7.0, 2.5, 1, 2,
            new double[] {0.08, 0.50, 0.07, 0.05, 0.30}, 0, 2, 0.12, true),
    FAMILY_SAFETY("family_safety", 0.20,
            new double[] {0.15, 0.70, 0.15}, new double[] {0.40, 0.35, 0.88, 0.45}, 1982, 68_000,
            new double[] {0.05, 0.10, 0.85, 0.00, 0.00, 0.00}, new double[] {0.15, 0.05, 0.80, 0.00},
            new double[] {0.25, 0.60, 0.05, 0.10}, 1.5, 2.5, 1, 2,
            new double[] {0.35, 0.20, 0.10, 0.30, 0.05}, 21, 60, 0.03, false),
    BUSINESS_FLEET("business_fleet", 0.10,
            new double[] {0.50, 0.40, 0.10}, new double[] {0.50, 0.50, 0.40, 0.55}, 1975, 150_000,
            new double[] {0.00, 0.00, 0.00, 0.00, 1.00, 0.00}, new double[] {0.02, 0.03, 0.05, 0.90},
            new double[] {0.02, 0.03, 0.90, 0.05}, 12.0, 3.0, 5, 40,
            new double[] {0.25, 0.05, 0.40, 0.30, 0.00}, 7, 14, 0.01, false);

    final String label;
    final double share;
    /** urban, suburban, rural. */
    final double[] cityTypeWeights;
    /** eco-consciousness, tech affinity, comfort priority, price sensitivity. */
    final double[] psychographicMeans;
    final int meanBirthYear;
    final double medianIncome;
    /** single, couple, family, retired, company, other: see {@link Catalogue#FAMILY_STATUSES}. */
    final double[] familyStatusWeights;
    /** online, app, dealer, fleet_portal. */
    final double[] channelWeights;
    /** card, financing, invoice, subscription. */
    final double[] paymentWeights;
    final double ordersPerYear;
    final double linesPerOrder;
    final int minimumQuantity;
    final int maximumQuantity;
    /** vehicle, accessory, spare_part, service, charging_plan. */
    final double[] categoryWeights;
    final int minimumLeadTimeDays;
    final int maximumLeadTimeDays;
    final double returnProbability;
    final boolean prefersNewProducts;

    PlantedSegment(String label, double share, double[] cityTypeWeights, double[] psychographicMeans,
            int meanBirthYear, double medianIncome, double[] familyStatusWeights, double[] channelWeights,
            double[] paymentWeights, double ordersPerYear, double linesPerOrder, int minimumQuantity,
            int maximumQuantity, double[] categoryWeights, int minimumLeadTimeDays, int maximumLeadTimeDays,
            double returnProbability, boolean prefersNewProducts) {
        this.label = label;
        this.share = share;
        this.cityTypeWeights = cityTypeWeights;
        this.psychographicMeans = psychographicMeans;
        this.meanBirthYear = meanBirthYear;
        this.medianIncome = medianIncome;
        this.familyStatusWeights = familyStatusWeights;
        this.channelWeights = channelWeights;
        this.paymentWeights = paymentWeights;
        this.ordersPerYear = ordersPerYear;
        this.linesPerOrder = linesPerOrder;
        this.minimumQuantity = minimumQuantity;
        this.maximumQuantity = maximumQuantity;
        this.categoryWeights = categoryWeights;
        this.minimumLeadTimeDays = minimumLeadTimeDays;
        this.maximumLeadTimeDays = maximumLeadTimeDays;
        this.returnProbability = returnProbability;
        this.prefersNewProducts = prefersNewProducts;
    }
}
