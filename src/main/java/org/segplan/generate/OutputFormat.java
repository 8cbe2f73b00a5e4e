package org.segplan.generate;

/** How generated tables are written. */
public enum OutputFormat {
    /** One file per table with a header (transactions gzip-compressed): small sample sets. */
    CSV,
    /** One folder of Parquet files per table: large benchmark sets. */
    PARQUET
}
