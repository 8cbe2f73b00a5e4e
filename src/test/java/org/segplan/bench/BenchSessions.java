package org.segplan.bench;

import org.apache.spark.sql.SparkSession;

/** The session the bench programs use: the settings bench/run_all.sh gives the segplan stages. */
final class BenchSessions {
    private BenchSessions() {
    }

    static SparkSession create(String name, int shufflePartitions) {
        return SparkSession.builder().appName(name).master("local[2]")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
                .config("spark.sql.files.maxPartitionBytes", "16m")
                .config("spark.databricks.delta.snapshotPartitions", "2")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
