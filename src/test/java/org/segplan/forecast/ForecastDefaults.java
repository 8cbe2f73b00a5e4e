package org.segplan.forecast;

import java.util.ArrayList;
import java.util.List;
import org.segplan.config.ConfigLoader;
import org.segplan.forecast.model.EngineSettings;

/** The forecast settings of segplan-defaults.conf (the one copy of the defaults), with overrides, for tests. */
public final class ForecastDefaults {
    private ForecastDefaults() {
    }

    /** @param overrides e.g. "segplan.forecast.horizon=4" */
    public static ForecastSettings settings(Bucket bucket, String... overrides) {
        List<String> all = new ArrayList<>(List.of("segplan.forecast.bucket=" + bucket.label()));
        all.addAll(List.of(overrides));
        return ConfigLoader.load(all).forecast();
    }

    public static EngineSettings engine(Bucket bucket) {
        return settings(bucket).engine();
    }
}
