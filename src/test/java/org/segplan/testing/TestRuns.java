package org.segplan.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.segplan.config.ConfigLoader;
import org.segplan.config.SegplanConfig;
import org.segplan.io.RunIdentity;
import org.segplan.pipeline.RunContext;

/** Builds run contexts for tests: inputs from a folder of CSV files, tables under a temporary lakehouse. */
public final class TestRuns {
    private TestRuns() {
    }

    public static SegplanConfig config(Path inputs, Path lakehouse, String... overrides) {
        List<String> all = new ArrayList<>(List.of(
                "segplan.lakehouse.root=" + lakehouse.toAbsolutePath(),
                "segplan.inputs.customers.path=" + inputs.resolve("customers.csv").toAbsolutePath(),
                "segplan.inputs.products.path=" + inputs.resolve("products.csv").toAbsolutePath(),
                "segplan.inputs.distribution-centers.path=" + inputs.resolve("distribution_centers.csv").toAbsolutePath(),
                "segplan.inputs.calendar.path=" + inputs.resolve("calendar.csv").toAbsolutePath(),
                "segplan.inputs.transactions.path=" + inputs.resolve("transactions.csv").toAbsolutePath()));
        all.addAll(List.of(overrides));
        return ConfigLoader.load(all);
    }

    public static RunContext context(SegplanConfig config, LocalDate runDate) {
        return RunContext.create(SharedSpark.get(), config,
                RunIdentity.of(runDate, config.effectiveHash(), "test"));
    }

    public static Path resource(String name) {
        return Path.of("src", "test", "resources", name);
    }
}
