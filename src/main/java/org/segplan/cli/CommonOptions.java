package org.segplan.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.segplan.config.ConfigLoader;
import org.segplan.config.SegplanConfig;
import org.segplan.error.Errors;
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

    SegplanConfig loadConfig() {
        return ConfigLoader.load(Optional.ofNullable(configFile), overrides);
    }

    LocalDate resolveRunDate(SegplanConfig config) {
        if (runDate != null) {
            try {
                return LocalDate.parse(runDate);
            } catch (java.time.format.DateTimeParseException exception) {
                throw Errors.invalidArgument("--run-date", runDate, "it is not a date", "write it as yyyy-MM-dd");
            }
        }
        return config.runDate().orElseThrow(() -> Errors.missingConfigValue("segplan.run.date",
                "pass --run-date yyyy-MM-dd or set segplan.run.date in the config file"));
    }
}
