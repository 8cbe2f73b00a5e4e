package org.segplan.forecast;

import java.io.Serializable;
import java.time.LocalDate;
import org.segplan.forecast.model.InventoryTargets;
import org.segplan.forecast.model.SeriesForecast;

/**
 * One series after forecasting, as it leaves a Spark task: its keys, the dense history it was built from, the
 * engine's result, and its inventory targets (segment demand only; null for forecast-series).
 *
 * @param unitValue average value per unit over the last season, to turn unit forecasts into value
 */
public record SeriesOutcome(
        String seriesId,
        Integer segmentId,
        String category,
        String region,
        LocalDate firstPeriod,
        double[] units,
        double[] values,
        double[] holidayDays,
        double[] promotionDays,
        double unitValue,
        SeriesForecast forecast,
        InventoryTargets inventory,
        String policyName) implements Serializable {
}
