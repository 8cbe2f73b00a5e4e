package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Output contract of {@code segplan forecast-series}: forecasts of any long-format series table. */
public final class SeriesForecastTable {
    public static final String NAME = "series_forecast";

    public static final String SERIES_ID = "series_id";
    public static final String PERIOD_START = "period_start";
    public static final String HORIZON_STEP = "horizon_step";
    public static final String FORECAST = "forecast";
    public static final String LOWER_80 = "lower_80";
    public static final String UPPER_80 = "upper_80";
    public static final String LOWER_95 = "lower_95";
    public static final String UPPER_95 = "upper_95";
    public static final String MODEL = "model";

    public static final StructType SCHEMA = new StructType()
            .add(SERIES_ID, StringType, false)
            .add(PERIOD_START, DateType, false)
            .add(HORIZON_STEP, IntegerType, false)
            .add(FORECAST, DoubleType, false)
            .add(LOWER_80, DoubleType, false)
            .add(UPPER_80, DoubleType, false)
            .add(LOWER_95, DoubleType, false)
            .add(UPPER_95, DoubleType, false)
            .add(MODEL, StringType, false);

    /** Input columns of forecast-series; any other numeric column is a 0/1 exogenous regressor. */
    public static final String INPUT_SERIES_ID = "series_id";
    public static final String INPUT_PERIOD = "period";
    public static final String INPUT_VALUE = "value";

    private SeriesForecastTable() {
    }
}
