package org.segplan.forecast;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;
import org.segplan.forecast.model.EngineSettings;

/**
 * How demand is forecast and turned into inventory targets ({@code segplan.forecast}): built and validated by the
 * configuration loader; every default is in segplan-defaults.conf.
 *
 * @param bucket week (Monday to Sunday) or month
 * @param byRegion series are split by customers.region as well (region "ALL" otherwise)
 * @param engine model choice and backtest; its season length is the bucket's
 * @param replenishmentLeadTimeDays lead time of categories without their own
 * @param leadTimeByCategory replenishment lead time in days for categories that differ from the default
 * @param defaultServiceLevel for segments without a service policy, and for unsegmented demand
 */
public record ForecastSettings(
        Bucket bucket,
        boolean byRegion,
        EngineSettings engine,
        int replenishmentLeadTimeDays,
        Map<String, Integer> leadTimeByCategory,
        double defaultServiceLevel) implements Serializable {
    public ForecastSettings {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(engine, "engine is null");
        if (engine.seasonLength() != bucket.seasonLength()) {
            throw new IllegalArgumentException("season length " + engine.seasonLength() + " does not match the "
                    + bucket.label() + " bucket's " + bucket.seasonLength());
        }
        leadTimeByCategory = Map.copyOf(requireNonNull(leadTimeByCategory, "leadTimeByCategory is null"));
    }

    public int leadTimeDays(String category) {
        return leadTimeByCategory.getOrDefault(category, replenishmentLeadTimeDays);
    }
}
