package org.segplan.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.config.InputSpec;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DemandSplitTable;
import org.segplan.contract.InputTables;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.TableContract;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.io.SourceTable;
import org.segplan.quality.SourceRows;
import org.segplan.quality.Validation;
import org.segplan.quality.ValidationResult;

/**
 * Reads every input, fails fast on dataset-level problems, checks every row, writes accepted rows to
 * {@code validated_<input>} and failing rows to {@code quarantine}, and proves rows in = accepted + quarantined.
 */
public final class IngestStage implements Stage {
    public static final String NAME = "ingest";

    /** The validated table of every input (those of optional inputs only when provided), then the quarantine. */
    public static final StageSpec SPEC = new StageSpec(NAME,
            "Read and validate the inputs; write validated_* tables and the quarantine.",
            List.of(), writes(), false);

    @Override
    public StageSpec spec() {
        return SPEC;
    }

    private static List<StageSpec.TableWrite> writes() {
        List<StageSpec.TableWrite> writes = new ArrayList<>();
        for (TableContract contract : InputTables.ALL) {
            writes.add(contract.name().equals(CustomersTable.NAME)
                    ? StageSpec.TableWrite.always(ValidatedTables.of(contract.name()))
                    : StageSpec.TableWrite.when("when the input is provided", ValidatedTables.of(contract.name())));
        }
        writes.add(StageSpec.TableWrite.mayBeEmpty(QuarantineTable.NAME));
        writes.add(StageSpec.TableWrite.when("when anonymous order lines are kept", DemandSplitTable.NAME));
        return List.copyOf(writes);
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        List<String> notes = new ArrayList<>();
        Map<String, SourceRows> sources = readAll(context, notes);
        try (ValidationResult result = Validation.check(sources, context.config().validation().rules(),
                context.run().runDate())) {
            for (TableContract contract : InputTables.ALL) {
                String validated = ValidatedTables.of(contract.name());
                Dataset<Row> rows = result.validated().get(contract.name());
                if (rows != null) {
                    context.tables().replaceRunDate(validated, rows, context.run());
                } else if (context.tables().exists(validated)) {
                    // An optional input that disappeared must not leave an earlier attempt's rows for this date.
                    context.tables().replaceRunDate(validated,
                            context.spark().createDataFrame(List.of(), contract.schema()), context.run());
                }
            }
            context.tables().replaceRunDate(QuarantineTable.NAME, result.quarantine(), context.run());
            result.demandSplit().ifPresent(split -> context.tables().replaceRunDate(DemandSplitTable.NAME, split,
                    context.run()));
            notes.addAll(result.notes());
            List<TableCounts> counts = new ArrayList<>();
            result.counts().forEach((table, count) -> counts.add(new TableCounts(table, count.rowsIn(),
                    count.accepted(), count.quarantined(), count.accepted())));
            return new StageOutcome(counts, notes);
        }
    }

    /** Reads every input (the dataset-level checks fail here), then counts each source's rows on its own. */
    private static Map<String, SourceRows> readAll(RunContext context, List<String> notes) {
        Map<String, SourceTable> tables = new LinkedHashMap<>();
        for (TableContract contract : InputTables.ALL) {
            InputSpec spec = context.config().input(contract.name());
            Optional<SourceTable> source = context.inputs().read(spec, contract);
            source.ifPresent(table -> tables.put(contract.name(), table));
            notes.addAll(source.map(SourceTable::notes).orElseGet(() -> List.of(absentInputNote(spec))));
        }
        Map<String, SourceRows> sources = new LinkedHashMap<>();
        tables.forEach((name, table) -> sources.put(name, new SourceRows(table.text(), table.filtered(),
                context.inputs().countSourceRows(context.config().input(name)))));
        return sources;
    }

    private static String absentInputNote(InputSpec spec) {
        String consequence = switch (spec.table()) {
            case TransactionsTable.NAME -> "features come from customer attributes only; stages that need "
                    + "transactions are skipped";
            case "calendar" -> "holidays and promotions are not used";
            default -> "features that need it are skipped";
        };
        return spec.table() + (spec.path() == null ? " not provided" : " absent at " + spec.path()) + ": " + consequence;
    }
}
