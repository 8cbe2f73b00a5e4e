package org.segplan.forecast;

/** Column names of the rows a forecasting task receives, one row per series and bucket. */
public final class SeriesInputColumns {
    public static final String SERIES_ID = "series_id";
    public static final String SEGMENT_ID = "segment_id";
    public static final String CATEGORY = "category";
    public static final String REGION = "region";
    public static final String PERIOD_START = "period_start";
    /** Null on rows that only carry future regressor values. */
    public static final String UNITS = "units";
    public static final String VALUE = "value";

    private SeriesInputColumns() {
    }
}
