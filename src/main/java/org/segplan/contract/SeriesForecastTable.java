package org.segplan.contract;

import static org.segplan.contract.TableContract.key;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Output contract of {@code segplan forecast-series}: forecasts of any long-format series table. */
public final class SeriesForecastTable {
    public static final String NAME = "series_forecast";

    public static final String SERIES_ID = Columns.SERIES_ID;
    public static final String PERIOD_START = Columns.PERIOD_START;
    public static final String HORIZON_STEP = Columns.HORIZON_STEP;
    public static final String FORECAST = Columns.FORECAST;
    public static final String LOWER_80 = Columns.LOWER_80;
    public static final String UPPER_80 = Columns.UPPER_80;
    public static final String LOWER_95 = Columns.LOWER_95;
    public static final String UPPER_95 = Columns.UPPER_95;
    public static final String MODEL = Columns.MODEL;

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            key(SERIES_ID),
            key(PERIOD_START),
            required(HORIZON_STEP),
            required(FORECAST),
            required(LOWER_80),
            required(UPPER_80),
            required(LOWER_95),
            required(UPPER_95),
            required(MODEL)));

    public static final StructType SCHEMA = CONTRACT.schema();

    /** Input columns of forecast-series; any other numeric column is a 0/1 exogenous regressor. */
    public static final String INPUT_SERIES_ID = "series_id";
    public static final String INPUT_PERIOD = "period";
    public static final String INPUT_VALUE = "value";

    private SeriesForecastTable() {
    }
}
