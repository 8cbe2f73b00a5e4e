package org.segplan.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.config.ConfigLoader;
import org.segplan.config.SegplanConfig;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.io.RunIdentity;
import org.segplan.pipeline.RunContext;

/** Builds run contexts for tests: inputs from a folder of CSV files, tables under a temporary lakehouse. */
public final class TestRuns {
    private TestRuns() {
    }

    public static SegplanConfig config(Path inputs, Path lakehouse, String... overrides) {
        return ConfigLoader.load(settings(inputs, lakehouse, overrides));
    }

    /** A configuration file (e.g. conf/local.conf) with the inputs and the lakehouse of the test. */
    public static SegplanConfig config(Path file, Path inputs, Path lakehouse, String... overrides) {
        return ConfigLoader.load(java.util.Optional.of(file), settings(inputs, lakehouse, overrides));
    }

    private static List<String> settings(Path inputs, Path lakehouse, String... overrides) {
        List<String> all = new ArrayList<>(List.of(
                "segplan.lakehouse.root=" + lakehouse.toAbsolutePath(),
                "segplan.inputs.customers.path=" + inputs.resolve("customers.csv").toAbsolutePath(),
                "segplan.inputs.products.path=" + inputs.resolve("products.csv").toAbsolutePath(),
                "segplan.inputs.distribution-centers.path=" + inputs.resolve("distribution_centers.csv").toAbsolutePath(),
                "segplan.inputs.calendar.path=" + inputs.resolve("calendar.csv").toAbsolutePath(),
                "segplan.inputs.transactions.path=" + inputs.resolve("transactions.csv").toAbsolutePath()));
        all.addAll(List.of(overrides));
        return all;
    }

    public static RunContext context(SegplanConfig config, LocalDate runDate) {
        return RunContext.create(SharedSpark.get(), config,
                RunIdentity.of(runDate, config.effectiveHash(), "test"));
    }

    /** A run on {@link InMemoryTables}, for stage tests whose subject is not storage; models go under the folder. */
    public static RunContext inMemoryContext(SegplanConfig config, LocalDate runDate, InMemoryTables tables) {
        return RunContext.create(SharedSpark.get(), config,
                RunIdentity.of(runDate, config.effectiveHash(), "test"), tables);
    }

    public static Path resource(String name) {
        return Path.of("src", "test", "resources", name);
    }

    /** customer_id -> segment_id of customer_segments rows, sorted by customer. */
    public static Map<String, Integer> segmentsOf(Dataset<Row> rows) {
        Map<String, Integer> result = new TreeMap<>();
        rows.select(CustomerSegmentsTable.CUSTOMER_ID, CustomerSegmentsTable.SEGMENT_ID).collectAsList()
                .forEach(row -> result.put(row.getString(0), row.getInt(1)));
        return result;
    }
}
