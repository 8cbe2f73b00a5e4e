package org.segplan.quality.gate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the checks look at, read by the stage: the run date's rows of {@code pipeline_runs} and of every table
 * that exists (absent tables are simply not in the map).
 *
 * @param expectedStages the stages that must have run before the gate, in pipeline order
 */
public record GateInputs(LocalDate runDate, List<String> expectedStages, Dataset<Row> ledger,
        Map<String, Dataset<Row>> tables) {
    public GateInputs {
        requireNonNull(runDate, "runDate is null");
        expectedStages = List.copyOf(expectedStages);
        requireNonNull(ledger, "ledger is null");
        tables = Map.copyOf(tables);
    }

    public Optional<Dataset<Row>> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}
