package org.segplan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.segplan.config.ConfigLoader;
import org.segplan.config.ConfiguredRun;
import org.segplan.config.SegplanConfig;
import picocli.CommandLine.Option;

/** Options every pipeline command takes. */
final class CommonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "HOCON configuration file (default: the embedded defaults, same as conf/local.conf)")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one configuration key, e.g. --set segplan.lakehouse.root=/data/lake (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-d", "--run-date"}, paramLabel = "yyyy-MM-dd",
            description = "Business date of the run; overrides segplan.run.date")
    String runDate;

    /** The configuration alone, for commands that need no run date. */
    SegplanConfig loadConfig() {
        return ConfigLoader.load(Optional.ofNullable(configFile), overrides);
    }

    /** The configuration and the run date (--run-date, else segplan.run.date), validated by the loader. */
    ConfiguredRun loadRun() {
        return ConfigLoader.loadRun(Optional.ofNullable(configFile), overrides, Optional.ofNullable(runDate));
    }
}
