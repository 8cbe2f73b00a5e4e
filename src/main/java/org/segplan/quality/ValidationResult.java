package org.segplan.quality;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the ingest checks give: the accepted rows of every input (contract columns, typed), one quarantine of the
 * failing rows of all inputs, the demand split when anonymous order lines are kept, the counts per input, and notes
 * for the run summary. The frames read rows the checks computed once and hold in memory (spilling to disk), so
 * writing them does not check again; {@link #close()} releases those rows once they are written.
 */
public final class ValidationResult implements AutoCloseable {
    private final Map<String, Dataset<Row>> validated;
    private final Dataset<Row> quarantine;
    private final Optional<Dataset<Row>> demandSplit;
    private final Map<String, InputCounts> counts;
    private final List<String> notes;
    private final List<Dataset<Row>> held;

    ValidationResult(Map<String, Dataset<Row>> validated, Dataset<Row> quarantine, Optional<Dataset<Row>> demandSplit,
            Map<String, InputCounts> counts, List<String> notes, List<Dataset<Row>> held) {
        this.validated = Collections.unmodifiableMap(new LinkedHashMap<>(validated));
        this.quarantine = requireNonNull(quarantine, "quarantine is null");
        this.demandSplit = requireNonNull(demandSplit, "demandSplit is null");
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        this.notes = List.copyOf(notes);
        this.held = List.copyOf(held);
    }

    /** Accepted rows per input given, in validation order (the contract's columns, typed). */
    public Map<String, Dataset<Row>> validated() {
        return validated;
    }

    /** source_table, reason_code, reason_detail, raw_record of every failing row of every input. */
    public Dataset<Row> quarantine() {
        return quarantine;
    }

    /** Order lines with and without a customer id; present only when anonymous lines are kept. */
    public Optional<Dataset<Row>> demandSplit() {
        return demandSplit;
    }

    /** Rows in, accepted, quarantined and reasons per input given, in validation order. */
    public Map<String, InputCounts> counts() {
        return counts;
    }

    /** The demand split and the quarantined rows by reason, one line each, for the run summary. */
    public List<String> notes() {
        return notes;
    }

    /** Releases the rows the checks held; the frames must not be read afterwards. */
    @Override
    public void close() {
        held.forEach(Dataset::unpersist);
    }
}
