package org.segplan.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.segplan.contract.ColumnRole;
import org.segplan.contract.ColumnSpec;
import org.segplan.contract.TableContract;
import org.segplan.contract.ValueRule;

/**
 * Row-level checks as pure transformations. A row keeps every input row: failing rows carry a reason code
 * and detail, so rows in = rows accepted + rows quarantined by construction, and the first failing check names
 * the reason.
 */
public final class RowChecks {
    private static final List<String> TRUE_WORDS = List.of("true", "t", "yes", "y", "1");
    private static final List<String> FALSE_WORDS = List.of("false", "f", "no", "n", "0");

    private static final String FAILED_CHECK = "__failed_check";
    private static final String MALFORMED = "__malformed";

    private RowChecks() {
    }

    /**
     * Parses text columns to the contract's types and applies missing-value, parse and value rules.
     *
     * @param text every contract column as a string (absent optional columns as null); extra columns are kept
     *             only in the raw record
     */
    public static Dataset<Row> withRowChecks(
            Dataset<Row> text, TableContract contract, LocalDate runDate, ParseFormats formats) {
        List<String> columns = Arrays.asList(text.columns());
        boolean mapped = columns.contains(CheckColumns.RAW_RECORD);
        boolean linesChecked = columns.contains(CheckColumns.MALFORMED_LINE);
        List<String> sourceColumns = columns.stream()
                .filter(name -> !name.equals(CheckColumns.RAW_RECORD) && !name.equals(CheckColumns.MALFORMED_LINE))
                .toList();
        // A mapped source brings its raw record (the row as read, before the mapping); others are recorded here,
        // a malformed CSV line as the line itself (its fields cannot be told apart).
        Column rawRecord = mapped ? col(CheckColumns.RAW_RECORD)
                : to_json(struct(sourceColumns.stream().map(name -> col(name)).toArray(Column[]::new)));
        if (linesChecked) {
            rawRecord = coalesce(col(CheckColumns.MALFORMED_LINE), rawRecord);
        }
        // Three projections, each reading the columns of the one before by name: the cleaned text, the parsed values,
        // then the checks. The checks then compare columns instead of repeating the parsing expressions, which keeps
        // the plan and its generated code small.
        List<Column> cleanedColumns = new ArrayList<>();
        for (ColumnSpec column : contract.columns()) {
            cleanedColumns.add(when(trim(col(column.name())).equalTo(""), lit(null).cast(DataTypes.StringType))
                    .otherwise(trim(col(column.name()))).as(cleanedName(column)));
        }
        cleanedColumns.add(rawRecord.as(CheckColumns.RAW_RECORD));
        cleanedColumns.add((linesChecked ? col(CheckColumns.MALFORMED_LINE).isNotNull() : lit(false)).as(MALFORMED));
        Dataset<Row> cleaned = text.select(cleanedColumns.toArray(Column[]::new));

        List<Column> parsedColumns = new ArrayList<>();
        for (ColumnSpec column : contract.columns()) {
            parsedColumns.add(col(cleanedName(column)));
            parsedColumns.add(parse(col(cleanedName(column)), column.type(), formats).as(column.name()));
        }
        parsedColumns.add(col(CheckColumns.RAW_RECORD));
        parsedColumns.add(col(MALFORMED));
        Dataset<Row> parsed = cleaned.select(parsedColumns.toArray(Column[]::new));

        List<Check> checks = new ArrayList<>();
        if (linesChecked) {
            checks.add(malformedLineCheck(contract));
        }
        for (ColumnSpec column : contract.columns()) {
            Column cleanedValue = col(cleanedName(column));
            Column parsedValue = col(column.name());
            checks.addAll(missingChecks(column, cleanedValue));
            checks.add(parseCheck(column, cleanedValue, parsedValue));
            checks.addAll(ruleChecks(column, parsedValue, cleanedValue, runDate));
        }
        // A malformed line comes first (its values may sit in the wrong columns), then missing ids: a row without
        // its id is reported as such, whatever else is wrong with it.
        List<Check> ordered = new ArrayList<>();
        List<ReasonCode> first = List.of(ReasonCode.MALFORMED_ROW, ReasonCode.MISSING_ID);
        first.forEach(code -> checks.stream().filter(check -> check.code() == code).forEach(ordered::add));
        checks.stream().filter(check -> !first.contains(check.code())).forEach(ordered::add);

        // The first failing check, found once; its code and detail are read off by its number.
        Column firstFailed = null;
        for (int index = 0; index < ordered.size(); index++) {
            firstFailed = firstFailed == null ? when(ordered.get(index).failed(), lit(index))
                    : firstFailed.when(ordered.get(index).failed(), lit(index));
        }
        Column reasonCode = lit(null).cast(DataTypes.StringType);
        Column reasonDetail = lit(null).cast(DataTypes.StringType);
        if (firstFailed != null) {
            Column failedCheck = col(FAILED_CHECK);
            reasonCode = when(failedCheck.equalTo(0), lit(ordered.get(0).code().name()));
            reasonDetail = when(failedCheck.equalTo(0), ordered.get(0).detail());
            for (int index = 1; index < ordered.size(); index++) {
                reasonCode = reasonCode.when(failedCheck.equalTo(index), lit(ordered.get(index).code().name()));
                reasonDetail = reasonDetail.when(failedCheck.equalTo(index), ordered.get(index).detail());
            }
        }
        List<Column> withFailedCheck = new ArrayList<>(Arrays.stream(parsed.columns()).map(name -> col(name)).toList());
        withFailedCheck.add((firstFailed == null ? lit(null).cast(DataTypes.IntegerType) : firstFailed).as(FAILED_CHECK));
        Dataset<Row> checkedRows = parsed.select(withFailedCheck.toArray(Column[]::new));

        List<Column> output = new ArrayList<>();
        contract.columns().forEach(column -> output.add(col(column.name())));
        output.add(reasonCode.as(CheckColumns.REASON_CODE));
        output.add(reasonDetail.as(CheckColumns.REASON_DETAIL));
        output.add(col(CheckColumns.RAW_RECORD));
        output.add(xxhash64(col(CheckColumns.RAW_RECORD)).as(CheckColumns.ROW_HASH));
        return checkedRows.select(output.toArray(Column[]::new));
    }

    /** A line with more or fewer fields than the header; an odd number of quotes hints at a quoted line break. */
    private static Check malformedLineCheck(TableContract contract) {
        Column line = col(CheckColumns.RAW_RECORD);
        Column quotes = length(line).minus(length(regexp_replace(line, "\"", "")));
        Column detail = when(quotes.mod(2).equalTo(1), lit("the line has an unbalanced quote, so its fields do not"
                + " match the header; if a quoted field holds a line break, set segplan.inputs."
                + contract.name().replace('_', '-') + ".options.multiLine = true"))
                .otherwise(lit("the line has more or fewer fields than the header"));
        return new Check(col(MALFORMED), ReasonCode.MALFORMED_ROW, detail);
    }

    private static String cleanedName(ColumnSpec column) {
        return "__cleaned_" + column.name();
    }

    /** Drops the raw record of accepted rows once every check has run, so cached accepted rows stay small. */
    public static Dataset<Row> withRawRecordOfRejectedOnly(Dataset<Row> checked) {
        return checked.withColumn(CheckColumns.RAW_RECORD,
                when(col(CheckColumns.REASON_CODE).isNotNull(), col(CheckColumns.RAW_RECORD)));
    }

    /**
     * Flags every row but one per key as {@link ReasonCode#DUPLICATE_KEY}, among rows that passed the row checks.
     * The kept row is the first by a hash of its content, so reruns keep the same row.
     */
    public static Dataset<Row> withDuplicateKeyCheck(Dataset<Row> checked, TableContract contract) {
        List<String> keys = contract.keyColumns();
        if (keys.isEmpty()) {
            return checked;
        }
        Column stillAccepted = col(CheckColumns.REASON_CODE).isNull();
        List<Column> partition = new ArrayList<>();
        partition.add(stillAccepted);
        keys.forEach(key -> partition.add(col(key)));
        Column rank = row_number().over(Window.partitionBy(partition.toArray(Column[]::new))
                .orderBy(col(CheckColumns.ROW_HASH), col(CheckColumns.RAW_RECORD)));
        Column duplicate = stillAccepted.and(rank.gt(1));
        Column keyText = concat(keys.stream()
                .flatMap(key -> List.of(lit(key + " = '"), coalesce(col(key).cast("string"), lit("")), lit("' ")).stream())
                .toArray(Column[]::new));
        return withReason(checked, duplicate, ReasonCode.DUPLICATE_KEY,
                concat(lit("another row has the same key: "), keyText));
    }

    /**
     * Flags rows whose reference column names no accepted row of the referenced table.
     *
     * @param acceptedIds a single column of distinct ids
     */
    public static Dataset<Row> withReferenceCheck(
            Dataset<Row> checked, String referenceColumn, Dataset<Row> acceptedIds, ReasonCode code) {
        return referenceCheck(checked, referenceColumn, acceptedIds, code, lit(true));
    }

    /** Like {@link #withReferenceCheck}, but an empty reference is accepted (an optional reference). */
    public static Dataset<Row> withOptionalReferenceCheck(
            Dataset<Row> checked, String referenceColumn, Dataset<Row> acceptedIds, ReasonCode code) {
        return referenceCheck(checked, referenceColumn, acceptedIds, code, col(referenceColumn).isNotNull());
    }

    private static Dataset<Row> referenceCheck(Dataset<Row> checked, String referenceColumn, Dataset<Row> acceptedIds,
            ReasonCode code, Column applies) {
        String found = "__found_" + referenceColumn;
        String id = "__id_" + referenceColumn;
        Dataset<Row> ids = acceptedIds.toDF(id).withColumn(found, lit(true));
        Dataset<Row> joined = checked.join(ids, checked.col(referenceColumn).equalTo(ids.col(id)), "left");
        Column unknown = col(CheckColumns.REASON_CODE).isNull().and(applies).and(col(found).isNull());
        Dataset<Row> flagged = withReason(joined, unknown, code,
                concat(lit(referenceColumn + " = '"), col(referenceColumn), lit("' is not an accepted id")));
        return flagged.drop(found, id);
    }

    private static Dataset<Row> withReason(Dataset<Row> rows, Column condition, ReasonCode code, Column detail) {
        return rows
                .withColumn(CheckColumns.REASON_DETAIL, when(condition, detail).otherwise(col(CheckColumns.REASON_DETAIL)))
                .withColumn(CheckColumns.REASON_CODE, when(condition, lit(code.name())).otherwise(col(CheckColumns.REASON_CODE)));
    }

    private static Column parse(Column cleaned, DataType type, ParseFormats formats) {
        if (type.equals(DataTypes.StringType)) {
            return cleaned;
        }
        if (type.equals(DataTypes.DoubleType)) {
            Column number = cleaned.cast(DataTypes.DoubleType);
            return when(number.isNull().or(isnan(number)).or(number.equalTo(Double.POSITIVE_INFINITY))
                    .or(number.equalTo(Double.NEGATIVE_INFINITY)), lit(null).cast(DataTypes.DoubleType))
                    .otherwise(number);
        }
        if (type.equals(DataTypes.IntegerType)) {
            Column number = cleaned.cast(DataTypes.DoubleType);
            // Whole numbers only: '3.0' is 3, '3.5' is an error rather than a silent truncation.
            return when(number.equalTo(floor(number)).and(number.leq(Integer.MAX_VALUE)).and(number.geq(Integer.MIN_VALUE)),
                    number.cast(DataTypes.IntegerType));
        }
        if (type.equals(DataTypes.TimestampType)) {
            return formats.timestampFormat().map(format -> to_timestamp(cleaned, format))
                    .orElse(cleaned.cast(DataTypes.TimestampType));
        }
        if (type.equals(DataTypes.DateType)) {
            return formats.dateFormat().map(format -> to_date(cleaned, format)).orElse(cleaned.cast(DataTypes.DateType));
        }
        if (type.equals(DataTypes.BooleanType)) {
            Column word = lower(cleaned);
            return when(word.isin(TRUE_WORDS.toArray()), lit(true)).when(word.isin(FALSE_WORDS.toArray()), lit(false));
        }
        throw new IllegalArgumentException("no parser for " + type);
    }

    private static List<Check> missingChecks(ColumnSpec column, Column cleaned) {
        if (column.role() == ColumnRole.KEY || column.role() == ColumnRole.REFERENCE) {
            return List.of(new Check(cleaned.isNull(), ReasonCode.MISSING_ID, lit(column.name() + " is empty")));
        }
        if (column.role() == ColumnRole.REQUIRED) {
            return List.of(new Check(cleaned.isNull(), ReasonCode.MISSING_VALUE, lit(column.name() + " is empty")));
        }
        return List.of();
    }

    private static Check parseCheck(ColumnSpec column, Column cleaned, Column parsed) {
        ReasonCode code = unparseableCode(column.type());
        Column detail = concat(lit(column.name() + " = '"), cleaned, lit("' is not " + describe(column.type())));
        return new Check(cleaned.isNotNull().and(parsed.isNull()), code, detail);
    }

    private static List<Check> ruleChecks(ColumnSpec column, Column parsed, Column cleaned, LocalDate runDate) {
        ValueRule rule = column.rule();
        Column shown = concat(lit(column.name() + " = '"), cleaned, lit("' "));
        if (rule instanceof ValueRule.Positive) {
            return List.of(new Check(parsed.leq(0), ReasonCode.NON_POSITIVE_VALUE, concat(shown, lit("must be > 0"))));
        }
        if (rule instanceof ValueRule.NonNegative) {
            return List.of(new Check(parsed.lt(0), ReasonCode.NEGATIVE_VALUE, concat(shown, lit("must be >= 0"))));
        }
        if (rule instanceof ValueRule.Between between) {
            return List.of(new Check(parsed.lt(between.minimum()).or(parsed.gt(between.maximum())),
                    ReasonCode.OUT_OF_RANGE,
                    concat(shown, lit("must lie in [" + between.minimum() + ", " + between.maximum() + "]"))));
        }
        if (rule instanceof ValueRule.OneOf oneOf) {
            return List.of(new Check(parsed.isNotNull().and(lower(parsed).isin(oneOf.allowed().toArray()).unary_$bang()),
                    ReasonCode.INVALID_CATEGORY, concat(shown, lit("must be one of " + oneOf.allowed()))));
        }
        if (rule instanceof ValueRule.NotAfterRunDate) {
            Column endOfRunDate = date_add(lit(Date.valueOf(runDate)), 1);
            Column after = column.type().equals(DataTypes.DateType)
                    ? parsed.gt(lit(Date.valueOf(runDate)))
                    : parsed.geq(endOfRunDate.cast(DataTypes.TimestampType));
            return List.of(new Check(after, ReasonCode.AFTER_RUN_DATE,
                    concat(shown, lit("lies after the run date " + runDate))));
        }
        return List.of();
    }

    private static ReasonCode unparseableCode(DataType type) {
        if (type.equals(DataTypes.TimestampType)) {
            return ReasonCode.UNPARSEABLE_TIMESTAMP;
        }
        if (type.equals(DataTypes.DateType)) {
            return ReasonCode.UNPARSEABLE_DATE;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return ReasonCode.UNPARSEABLE_BOOLEAN;
        }
        return ReasonCode.UNPARSEABLE_NUMBER;
    }

    private static String describe(DataType type) {
        if (type.equals(DataTypes.IntegerType)) {
            return "a whole number";
        }
        if (type.equals(DataTypes.DoubleType)) {
            return "a number";
        }
        if (type.equals(DataTypes.TimestampType)) {
            return "a timestamp";
        }
        if (type.equals(DataTypes.DateType)) {
            return "a date";
        }
        if (type.equals(DataTypes.BooleanType)) {
            return "true or false";
        }
        return "text";
    }

    private record Check(Column failed, ReasonCode code, Column detail) {
    }
}
