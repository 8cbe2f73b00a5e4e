package org.segplan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.segplan.error.SegplanException;
import org.segplan.forecast.Bucket;
import org.segplan.forecast.ForecastSettings;
import org.segplan.forecast.model.EngineSettings;
import org.segplan.forecast.model.ModelName;
import org.segplan.forecast.model.SelectionMetric;

/** Every segplan.forecast key: its default, a full mapping, and a clear error for bad values. */
class ForecastSettingsTest {
    @Test
    void defaults() {
        ForecastSettings settings = ConfigLoader.load(List.of()).forecast();
        assertEquals(new ForecastSettings(Bucket.WEEK, false, new EngineSettings(13, 52, 8, 13, 2, SelectionMetric.WAPE,
                26, 1.32, 0.49, 0.1, 0.1, List.of(ModelName.SEASONAL_NAIVE, ModelName.NAIVE, ModelName.SES, ModelName.HOLT,
                        ModelName.DAMPED_TREND, ModelName.HOLT_WINTERS_ADDITIVE, ModelName.HOLT_WINTERS_MULTIPLICATIVE,
                        ModelName.CROSTON, ModelName.SBA, ModelName.TSB), true, true), 14, Map.of(), 0.95), settings);
        assertEquals(52, settings.bucket().seasonLength());
        assertEquals(7, settings.bucket().days());
        assertEquals(14, settings.leadTimeDays("vehicle"));
    }

    @Test
    void fullMapping() {
        ForecastSettings settings = ConfigLoader.load(List.of("segplan.forecast.bucket=month",
                "segplan.forecast.horizon=6", "segplan.forecast.backtest-folds=3", "segplan.forecast.backtest-step=1",
                "segplan.forecast.backtest-horizon=4", "segplan.forecast.metric=mase", "segplan.forecast.by-region=true",
                "segplan.forecast.min-history=12", "segplan.forecast.intermittent.adi-threshold=1.5",
                "segplan.forecast.intermittent.cv2-threshold=0.6", "segplan.forecast.intermittent.size-smoothing=0.2",
                "segplan.forecast.intermittent.probability-smoothing=0.3", "segplan.forecast.models=[\"holt\", \"ses\"]",
                "segplan.forecast.calendar-effects=false", "segplan.forecast.replenishment-lead-time-days=21",
                "segplan.forecast.lead-time-by-category=[{category = \"Vehicle\", days = 28}]",
                "segplan.forecast.default-service-level=0.9")).forecast();
        assertEquals(new ForecastSettings(Bucket.MONTH, true, new EngineSettings(6, 12, 3, 4, 1, SelectionMetric.MASE, 12,
                1.5, 0.6, 0.2, 0.3, List.of(ModelName.HOLT, ModelName.SES), false, true), 21, Map.of("vehicle", 28), 0.9),
                settings);
        assertEquals(28, settings.leadTimeDays("vehicle"));
        assertEquals(21, settings.leadTimeDays("service"));
        // The season length follows the bucket: 12 months.
        assertEquals(12, settings.engine().seasonLength());
        assertEquals(30, settings.bucket().days());
    }

    @Test
    void badValuesNameTheKey() {
        for (String bad : List.of("segplan.forecast.bucket=day", "segplan.forecast.metric=rmse",
                "segplan.forecast.models=[\"prophet\"]", "segplan.forecast.models=[]", "segplan.forecast.horizon=0",
                "segplan.forecast.intermittent.adi-threshold=0.5", "segplan.forecast.default-service-level=1",
                "segplan.forecast.intermittent.size-smoothing=0",
                "segplan.forecast.lead-time-by-category=[{category = \"vehicle\"}]",
                "segplan.forecast.lead-time-by-category=[{category = \"vehicle\", days = -3}]")) {
            SegplanException error = assertThrows(SegplanException.class, () -> ConfigLoader.load(List.of(bad)), bad);
            assertEquals("INVALID_CONFIG_VALUE", error.code(), bad);
            assertTrue(error.getMessage().contains("segplan.forecast."), error.getMessage());
        }
        // The backtest horizon defaults to the horizon.
        assertEquals(6, ConfigLoader.load(List.of("segplan.forecast.horizon=6")).forecast().engine().backtestHorizon());
        SegplanException unknown = assertThrows(SegplanException.class, () -> ConfigLoader.load(List.of(
                "segplan.forecast.lead-time-by-category=[{category = \"vehicle\", dayz = 3}]")));
        assertEquals("UNKNOWN_CONFIG_KEY", unknown.code());
        assertEquals("UNKNOWN_CONFIG_KEY", assertThrows(SegplanException.class,
                () -> ConfigLoader.load(List.of("segplan.forecast.horizn=3"))).code());
    }
}
