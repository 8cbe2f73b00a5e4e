package org.segplan.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.InputTables;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.TableContract;
import org.segplan.contract.TransactionsTable;
import org.segplan.error.Errors;

/**
 * The ingest checks of every input, as one call: row checks, duplicate keys, references of order lines to accepted
 * customers and products, the quarantine of all failing rows, the quarantine share per input, and the proof that
 * every row counted in the source is accepted or quarantined.
 *
 * <p>The checked rows of each input are computed once and held, so counting them, and writing the accepted and the
 * quarantined ones, do not run the checks again.
 */
public final class Validation {
    private Validation() {
    }

    /**
     * Checks the inputs given (keyed by input table name; any of {@link InputTables#ALL}).
     *
     * @throws org.segplan.error.SegplanException {@code QUARANTINE_SHARE_EXCEEDED} when too many rows of an input
     *                                            fail, {@code RECONCILIATION_FAILED} when accepted and quarantined
     *                                            rows do not add up to an input's rows in
     */
    public static ValidationResult check(Map<String, SourceRows> sources, ValidationRules rules, LocalDate runDate) {
        sources.keySet().forEach(InputTables::byName);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no inputs to check");
        }
        List<Dataset<Row>> held = new ArrayList<>();
        try {
            Map<String, Dataset<Row>> checked = new LinkedHashMap<>();
            Map<String, Dataset<Row>> filtered = new LinkedHashMap<>();
            Map<String, InputCounts> counts = new LinkedHashMap<>();
            for (TableContract contract : InputTables.ALL) {
                SourceRows source = sources.get(contract.name());
                if (source == null) {
                    continue;
                }
                Dataset<Row> rows = hold(checkedRows(source.text(), contract, checked, rules, runDate), held);
                checked.put(contract.name(), rows);
                source.filtered().ifPresent(mapped -> filtered.put(contract.name(), hold(mapped.select(
                        CheckColumns.REASON_CODE, CheckColumns.REASON_DETAIL, CheckColumns.RAW_RECORD), held)));
                counts.put(contract.name(), counts(source.rowsIn(), rows, Optional.ofNullable(filtered.get(contract.name()))));
            }
            counts.forEach((table, count) -> checkShare(table, count, rules.maxQuarantineShare()));
            counts.forEach(Validation::checkReconciles);

            Map<String, Dataset<Row>> validated = new LinkedHashMap<>();
            Dataset<Row> quarantine = null;
            for (Map.Entry<String, Dataset<Row>> entry : checked.entrySet()) {
                TableContract contract = InputTables.byName(entry.getKey());
                validated.put(entry.getKey(), accepted(entry.getValue(), contract));
                Dataset<Row> rejected = quarantined(contract.name(),
                        entry.getValue().where(col(CheckColumns.REASON_CODE).isNotNull()));
                quarantine = quarantine == null ? rejected : quarantine.unionByName(rejected);
                if (filtered.containsKey(entry.getKey())) {
                    quarantine = quarantine.unionByName(quarantined(contract.name(), filtered.get(entry.getKey())));
                }
            }
            List<String> notes = new ArrayList<>();
            Optional<Dataset<Row>> demandSplit = Optional.empty();
            if (rules.anonymousLines() == AnonymousLines.KEEP && validated.containsKey(TransactionsTable.NAME)) {
                Dataset<Row> split = DemandSplit.compute(validated.get(TransactionsTable.NAME));
                List<Row> splitRows = split.collectAsList();
                demandSplit = Optional.of(split.sparkSession().createDataFrame(splitRows, split.schema()));
                notes.add(DemandSplit.describe(splitRows));
            }
            counts.forEach((table, count) -> {
                if (!count.reasons().isEmpty()) {
                    notes.add(table + " quarantined by reason: " + count.reasons());
                }
            });
            return new ValidationResult(validated, quarantine, demandSplit, counts, notes, held);
        } catch (RuntimeException failure) {
            held.forEach(Dataset::unpersist);
            throw failure;
        }
    }

    /** Every row of the input with its parsed columns and, when it fails a check, the first reason. */
    private static Dataset<Row> checkedRows(Dataset<Row> text, TableContract contract, Map<String, Dataset<Row>> checked,
            ValidationRules rules, LocalDate runDate) {
        boolean transactions = contract.name().equals(TransactionsTable.NAME);
        boolean keepAnonymous = rules.anonymousLines() == AnonymousLines.KEEP;
        TableContract rowContract = transactions && keepAnonymous
                ? contract.withOptionalColumn(TransactionsTable.CUSTOMER_ID) : contract;
        Dataset<Row> rows = RowChecks.withRowChecks(text, rowContract, runDate, rules.formats());
        rows = RowChecks.withDuplicateKeyCheck(rows, contract);
        if (transactions) {
            Dataset<Row> customerIds = acceptedIds(checked, CustomersTable.NAME, CustomersTable.CUSTOMER_ID);
            rows = keepAnonymous
                    ? RowChecks.withOptionalReferenceCheck(rows, TransactionsTable.CUSTOMER_ID, customerIds,
                            ReasonCode.UNKNOWN_CUSTOMER)
                    : RowChecks.withReferenceCheck(rows, TransactionsTable.CUSTOMER_ID, customerIds,
                            ReasonCode.UNKNOWN_CUSTOMER);
            rows = RowChecks.withReferenceCheck(rows, TransactionsTable.PRODUCT_ID,
                    acceptedIds(checked, ProductsTable.NAME, ProductsTable.PRODUCT_ID), ReasonCode.UNKNOWN_PRODUCT);
        }
        return RowChecks.withRawRecordOfRejectedOnly(rows);
    }

    private static Dataset<Row> acceptedIds(Map<String, Dataset<Row>> checked, String table, String idColumn) {
        Dataset<Row> rows = checked.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("order lines are checked against " + table + ", which was not given");
        }
        return rows.where(col(CheckColumns.REASON_CODE).isNull()).select(idColumn);
    }

    private static Dataset<Row> hold(Dataset<Row> rows, List<Dataset<Row>> held) {
        Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
        held.add(persisted);
        return persisted;
    }

    /** Counts the checked rows by reason (one pass, which also fills the held rows), plus the filtered ones. */
    private static InputCounts counts(long rowsIn, Dataset<Row> checked, Optional<Dataset<Row>> filtered) {
        Map<String, Long> reasons = new TreeMap<>();
        long accepted = 0;
        for (Row row : checked.groupBy(CheckColumns.REASON_CODE).count().collectAsList()) {
            if (row.isNullAt(0)) {
                accepted = row.getLong(1);
            } else {
                reasons.put(row.getString(0), row.getLong(1));
            }
        }
        if (filtered.isPresent()) {
            // Rows a mapping filter quarantined are part of the table's rows in and of its quarantined share.
            for (Row row : filtered.get().groupBy(CheckColumns.REASON_CODE).count().collectAsList()) {
                reasons.merge(row.getString(0), row.getLong(1), Long::sum);
            }
        }
        long quarantined = reasons.values().stream().mapToLong(Long::longValue).sum();
        return new InputCounts(rowsIn, accepted, quarantined, reasons);
    }

    private static void checkShare(String table, InputCounts counts, double limit) {
        long total = counts.accepted() + counts.quarantined();
        if (total > 0 && (double) counts.quarantined() / total > limit) {
            throw Errors.quarantineShareExceeded(table, counts.quarantined(), total, limit, counts.reasons());
        }
    }

    private static void checkReconciles(String table, InputCounts counts) {
        if (!counts.reconciles()) {
            throw Errors.reconciliationFailed(table, counts.rowsIn(), counts.accepted(), counts.quarantined());
        }
    }

    private static Dataset<Row> accepted(Dataset<Row> checked, TableContract contract) {
        Column[] contractColumns = contract.columnNames().stream().map(name -> col(name)).toArray(Column[]::new);
        return checked.where(col(CheckColumns.REASON_CODE).isNull()).select(contractColumns);
    }

    private static Dataset<Row> quarantined(String table, Dataset<Row> rejected) {
        return rejected.select(
                lit(table).as(QuarantineTable.SOURCE_TABLE),
                col(CheckColumns.REASON_CODE).as(QuarantineTable.REASON_CODE),
                col(CheckColumns.REASON_DETAIL).as(QuarantineTable.REASON_DETAIL),
                col(CheckColumns.RAW_RECORD).as(QuarantineTable.RAW_RECORD));
    }
}
