package org.segplan.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param dirtyShare share of extra bad rows planted in customers and transactions, for the quarantine
 */
public record GeneratorSettings(long customers, long seed, LocalDate startDate, LocalDate endDate, double dirtyShare) {
    public GeneratorSettings {
        requireNonNull(startDate, "startDate is null");
        requireNonNull(endDate, "endDate is null");
        if (customers < 50) {
            throw new IllegalArgumentException("customers must be at least 50, was " + customers);
        }
        if (!startDate.isBefore(endDate)) {
            throw new IllegalArgumentException("start date " + startDate + " must be before end date " + endDate);
        }
        if (dirtyShare < 0 || dirtyShare > 0.05) {
            throw new IllegalArgumentException("dirty share must lie in [0, 0.05], was " + dirtyShare);
        }
    }

    public static GeneratorSettings defaults(long customers) {
        return new GeneratorSettings(customers, 42, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), 0.002);
    }
}
