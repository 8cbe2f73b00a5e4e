package org.segplan.forecast.model;

import java.io.Serializable;

/**
 * One forecast of the rolling-origin backtest against what happened.
 *
 * @param origin index of the last bucket the model saw
 * @param target index of the bucket forecast
 * @param step 1 for the bucket right after the origin
 */
public record BacktestPoint(int origin, int target, int step, double actual, double forecast, double lower80,
        double upper80, double lower95, double upper95, double baselineForecast) implements Serializable {
}
