package org.segplan.quality;

/** Working columns the checks add; the double underscore keeps them clear of user columns. */
public final class CheckColumns {
    public static final String REASON_CODE = "__reason_code";
    public static final String REASON_DETAIL = "__reason_detail";
    public static final String RAW_RECORD = "__raw_record";
    /** The line as read, set by the CSV reader only when its field count differs from the header's. */
    public static final String MALFORMED_LINE = "__malformed_line";
    public static final String ROW_HASH = "__row_hash";

    private CheckColumns() {
    }
}
