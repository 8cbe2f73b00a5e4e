package org.segplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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
import org.segplan.config.AnonymousTransactions;
import org.segplan.config.InputSpec;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.DemandSplitTable;
import org.segplan.contract.InputTables;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.QuarantineTable;
import org.segplan.contract.TableContract;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.error.Errors;
import org.segplan.io.SourceTable;
import org.segplan.quality.CheckColumns;
import org.segplan.quality.DemandSplit;
import org.segplan.quality.ParseFormats;
import org.segplan.quality.ReasonCode;
import org.segplan.quality.RowChecks;

/**
 * Reads every input, fails fast on dataset-level problems, checks every row, writes accepted rows to
 * {@code validated_<input>} and failing rows to {@code quarantine}, and proves rows in = accepted + quarantined.
 */
public final class IngestStage implements Stage {
    public static final String NAME = "ingest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageOutcome execute(RunContext context) {
        List<String> notes = new ArrayList<>();
        Map<String, SourceTable> sources = readAll(context, notes);
        ParseFormats formats = new ParseFormats(context.config().validation().timestampFormat(),
                context.config().validation().dateFormat());

        boolean keepAnonymous = context.config().validation().anonymousTransactions() == AnonymousTransactions.KEEP;
        Map<String, Dataset<Row>> checked = new LinkedHashMap<>();
        Map<String, Dataset<Row>> filtered = new LinkedHashMap<>();
        for (TableContract contract : InputTables.ALL) {
            SourceTable source = sources.get(contract.name());
            if (source == null) {
                continue;
            }
            source.filtered().ifPresent(rows -> filtered.put(contract.name(), rows.persist(StorageLevel.MEMORY_AND_DISK())));
            TableContract rowContract = keepAnonymous && contract.name().equals(TransactionsTable.NAME)
                    ? contract.withOptionalColumn(TransactionsTable.CUSTOMER_ID) : contract;
            Dataset<Row> rows = RowChecks.withRowChecks(source.text(), rowContract, context.run().runDate(), formats);
            rows = RowChecks.withDuplicateKeyCheck(rows, contract);
            if (contract.name().equals(TransactionsTable.NAME)) {
                Dataset<Row> customerIds = acceptedIds(checked.get(CustomersTable.NAME), CustomersTable.CUSTOMER_ID);
                rows = keepAnonymous
                        ? RowChecks.withOptionalReferenceCheck(rows, TransactionsTable.CUSTOMER_ID, customerIds,
                                ReasonCode.UNKNOWN_CUSTOMER)
                        : RowChecks.withReferenceCheck(rows, TransactionsTable.CUSTOMER_ID, customerIds,
                                ReasonCode.UNKNOWN_CUSTOMER);
                rows = RowChecks.withReferenceCheck(rows, TransactionsTable.PRODUCT_ID,
                        acceptedIds(checked.get(ProductsTable.NAME), ProductsTable.PRODUCT_ID),
                        ReasonCode.UNKNOWN_PRODUCT);
            }
            checked.put(contract.name(), RowChecks.withRawRecordOfRejectedOnly(rows).persist(StorageLevel.MEMORY_AND_DISK()));
        }
        try {
            Map<String, Map<String, Long>> reasonCounts = checkQuarantineShares(context, checked, filtered);
            write(context, checked, filtered);
            List<TableCounts> counts = reconcile(context, sources);
            if (keepAnonymous && checked.containsKey(TransactionsTable.NAME)) {
                notes.add(writeDemandSplit(context));
            }
            reasonCounts.forEach((table, reasons) -> {
                if (!reasons.isEmpty()) {
                    notes.add(table + " quarantined by reason: " + reasons);
                }
            });
            return new StageOutcome(counts, notes);
        } finally {
            checked.values().forEach(Dataset::unpersist);
            filtered.values().forEach(Dataset::unpersist);
        }
    }

    private static Map<String, SourceTable> readAll(RunContext context, List<String> notes) {
        Map<String, SourceTable> sources = new LinkedHashMap<>();
        for (TableContract contract : InputTables.ALL) {
            InputSpec spec = context.config().input(contract.name());
            Optional<SourceTable> source = context.inputs().read(spec, contract);
            if (source.isEmpty()) {
                notes.add(contract.name() + (spec.path() == null ? " not provided" : " absent at " + spec.path())
                        + ": " + absentInputConsequence(contract.name()));
                continue;
            }
            SourceTable table = source.get();
            if (!table.absentOptionalColumns().isEmpty()) {
                notes.add(contract.name() + " lacks optional columns " + table.absentOptionalColumns()
                        + "; features that need them are skipped");
            }
            if (!table.ignoredColumns().isEmpty()) {
                notes.add(contract.name() + " columns outside the contract ignored: " + table.ignoredColumns());
            }
            sources.put(contract.name(), table);
        }
        return sources;
    }

    private static String absentInputConsequence(String table) {
        return switch (table) {
            case TransactionsTable.NAME -> "features come from customer attributes only; stages that need "
                    + "transactions are skipped";
            case "calendar" -> "holidays and promotions are not used";
            default -> "features that need it are skipped";
        };
    }

    private static Dataset<Row> acceptedIds(Dataset<Row> checked, String idColumn) {
        return checked.where(col(CheckColumns.REASON_CODE).isNull()).select(idColumn);
    }

    private static Map<String, Map<String, Long>> checkQuarantineShares(
            RunContext context, Map<String, Dataset<Row>> checked, Map<String, Dataset<Row>> filtered) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        double limit = context.config().validation().maxQuarantineShare();
        for (Map.Entry<String, Dataset<Row>> entry : checked.entrySet()) {
            Map<String, Long> reasons = new TreeMap<>();
            long total = 0;
            for (Row row : entry.getValue().groupBy(CheckColumns.REASON_CODE).count().collectAsList()) {
                total += row.getLong(1);
                if (!row.isNullAt(0)) {
                    reasons.put(row.getString(0), row.getLong(1));
                }
            }
            if (filtered.containsKey(entry.getKey())) {
                // Rows a mapping filter quarantined are part of the table's rows in and of its quarantined share.
                for (Row row : filtered.get(entry.getKey()).groupBy(CheckColumns.REASON_CODE).count().collectAsList()) {
                    total += row.getLong(1);
                    reasons.merge(row.getString(0), row.getLong(1), Long::sum);
                }
            }
            long quarantined = reasons.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0 && (double) quarantined / total > limit) {
                throw Errors.quarantineShareExceeded(entry.getKey(), quarantined, total, limit, reasons);
            }
            result.put(entry.getKey(), reasons);
        }
        return result;
    }

    private static void write(RunContext context, Map<String, Dataset<Row>> checked, Map<String, Dataset<Row>> filtered) {
        Dataset<Row> quarantine = null;
        for (TableContract contract : InputTables.ALL) {
            Dataset<Row> rows = checked.get(contract.name());
            String validated = ValidatedTables.of(contract.name());
            if (rows == null) {
                // An optional input that disappeared must not leave an earlier attempt's rows for this date.
                if (context.lakehouse().exists(validated)) {
                    context.lakehouse().replaceRunDate(validated,
                            context.spark().createDataFrame(List.of(), contract.schema()), context.run());
                }
                continue;
            }
            Column[] contractColumns = contract.columnNames().stream().map(name -> col(name)).toArray(Column[]::new);
            context.lakehouse().replaceRunDate(validated,
                    rows.where(col(CheckColumns.REASON_CODE).isNull()).select(contractColumns), context.run());
            Dataset<Row> rejected = rows.where(col(CheckColumns.REASON_CODE).isNotNull()).select(
                    lit(contract.name()).as(QuarantineTable.SOURCE_TABLE),
                    col(CheckColumns.REASON_CODE).as(QuarantineTable.REASON_CODE),
                    col(CheckColumns.REASON_DETAIL).as(QuarantineTable.REASON_DETAIL),
                    col(CheckColumns.RAW_RECORD).as(QuarantineTable.RAW_RECORD));
            quarantine = quarantine == null ? rejected : quarantine.unionByName(rejected);
            if (filtered.containsKey(contract.name())) {
                quarantine = quarantine.unionByName(filtered.get(contract.name()).select(
                        lit(contract.name()).as(QuarantineTable.SOURCE_TABLE),
                        col(CheckColumns.REASON_CODE).as(QuarantineTable.REASON_CODE),
                        col(CheckColumns.REASON_DETAIL).as(QuarantineTable.REASON_DETAIL),
                        col(CheckColumns.RAW_RECORD).as(QuarantineTable.RAW_RECORD)));
            }
        }
        context.lakehouse().replaceRunDate(QuarantineTable.NAME, quarantine, context.run());
    }

    /** Writes demand_split (order lines with and without a customer id) and returns the note that sums it up. */
    private static String writeDemandSplit(RunContext context) {
        Dataset<Row> split = DemandSplit.compute(
                context.lakehouse().readRunDate(ValidatedTables.of(TransactionsTable.NAME), context.run().runDate()));
        context.lakehouse().replaceRunDate(DemandSplitTable.NAME, split, context.run());
        return DemandSplit.describe(split.collectAsList());
    }

    private static List<TableCounts> reconcile(RunContext context, Map<String, SourceTable> sources) {
        Map<String, Long> quarantined = new TreeMap<>();
        context.lakehouse().readRunDate(QuarantineTable.NAME, context.run().runDate())
                .groupBy(QuarantineTable.SOURCE_TABLE).count().collectAsList()
                .forEach(row -> quarantined.put(row.getString(0), row.getLong(1)));
        List<TableCounts> counts = new ArrayList<>();
        for (String table : sources.keySet()) {
            long rowsIn = context.inputs().countSourceRows(context.config().input(table));
            long accepted = context.lakehouse().countRunDate(ValidatedTables.of(table), context.run().runDate());
            long rejected = quarantined.getOrDefault(table, 0L);
            TableCounts tableCounts = new TableCounts(table, rowsIn, accepted, rejected, accepted);
            if (!tableCounts.reconciles()) {
                throw Errors.reconciliationFailed(table, rowsIn, accepted, rejected);
            }
            counts.add(tableCounts);
        }
        return counts;
    }

}
