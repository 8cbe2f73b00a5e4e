package org.segplan.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.generate.GeneratedData;
import org.segplan.generate.GroundTruthTable;
import org.segplan.generate.OutputFormat;

/**
 * Writes generated inputs to a folder: one named CSV file per table (the shape of a CRM or ERP export), or one
 * Parquet folder per table for large sets. The ground truth goes to {@code ground-truth/}, apart from the inputs.
 */
public final class GeneratedDataWriter {
    public static final String GROUND_TRUTH_FOLDER = "ground-truth";

    public void write(GeneratedData data, String folder, OutputFormat format) {
        String root = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        write(data.customers(), root, "customers", format, false);
        write(data.products(), root, "products", format, false);
        write(data.distributionCenters(), root, "distribution_centers", format, false);
        write(data.calendar(), root, "calendar", format, false);
        write(data.transactions(), root, "transactions", format, true);
        write(data.groundTruth(), root + "/" + GROUND_TRUTH_FOLDER, GroundTruthTable.NAME, format, false);
    }

    private static void write(Dataset<Row> table, String folder, String name, OutputFormat format, boolean large) {
        if (format == OutputFormat.PARQUET) {
            table.write().mode("overwrite").parquet(folder + "/" + name);
            return;
        }
        String fileName = name + (large ? ".csv.gz" : ".csv");
        String staging = folder + "/_staging_" + name;
        var writer = table.coalesce(1).write().mode("overwrite").option("header", "true");
        if (large) {
            writer = writer.option("compression", "gzip");
        }
        writer.csv(staging);
        moveSinglePart(table, staging, folder + "/" + fileName);
    }

    /** Spark writes a folder of part files; an export is one named file, so the single part is renamed. */
    private static void moveSinglePart(Dataset<Row> table, String staging, String target) {
        try {
            Path stagingPath = new Path(staging);
            FileSystem fileSystem = stagingPath.getFileSystem(table.sparkSession().sparkContext().hadoopConfiguration());
            FileStatus[] parts = fileSystem.globStatus(new Path(staging, "part-*"));
            if (parts == null || parts.length != 1) {
                throw new IllegalStateException("expected one part file in " + staging);
            }
            Path targetPath = new Path(target);
            fileSystem.delete(targetPath, false);
            if (!fileSystem.rename(parts[0].getPath(), targetPath)) {
                throw new IOException("cannot rename " + parts[0].getPath() + " to " + target);
            }
            fileSystem.delete(stagingPath, true);
            fileSystem.delete(new Path(targetPath.getParent(), "." + targetPath.getName() + ".crc"), false);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
