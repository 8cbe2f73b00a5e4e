package org.segplan.io;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.segplan.config.SparkSettings;

/** Creates the one SparkSession a segplan process uses, with Delta and deterministic SQL settings. */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession create(SparkSettings settings) {
        // spark-submit passes --master as the system property spark.master; only fall back to config without it.
        boolean masterGiven = new SparkConf().contains("spark.master");
        SparkSession.Builder builder = SparkSession.builder().appName(settings.appName());
        if (!masterGiven) {
            builder.master(settings.master());
        }
        builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                // UTC and non-ANSI casts: a bad value becomes null and is quarantined by the row checks.
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()));
        settings.settings().forEach(builder::config);
        return builder.getOrCreate();
    }
}
