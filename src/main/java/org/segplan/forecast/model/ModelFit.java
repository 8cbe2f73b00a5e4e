package org.segplan.forecast.model;

/**
 * A model fitted to one history: its one-step-ahead in-sample predictions ({@code NaN} where it has none yet),
 * its point forecasts for the next buckets, and the fitted parameters for the record.
 */
public record ModelFit(ModelName model, double[] fitted, double[] forecast, String parameters,
        double[] parameterValues) {
    public ModelFit {
        fitted = fitted.clone();
        forecast = forecast.clone();
        parameterValues = parameterValues.clone();
    }

    /** A fit without estimated parameters (baselines, intermittent models with fixed constants). */
    public ModelFit(ModelName model, double[] fitted, double[] forecast, String parameters) {
        this(model, fitted, forecast, parameters, new double[0]);
    }

    @Override
    public double[] parameterValues() {
        return parameterValues.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] forecast() {
        return forecast.clone();
    }
}
