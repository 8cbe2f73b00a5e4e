package org.segplan.error;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one place user-facing errors are made. Every message has three parts: what failed, why, and how to
 * fix it, so a planner reading a failed Airflow task log knows the next step without reading code.
 */
public final class Errors {
    private Errors() {
    }

    private static SegplanException error(ErrorCategory category, String code, String what, String why, String fix) {
        return error(category, code, what, why, fix, null);
    }

    private static SegplanException error(
            ErrorCategory category, String code, String what, String why, String fix, Throwable cause) {
        String message = what + ": " + why + ". Fix: " + fix + " [" + code + "]";
        return new SegplanException(category, code, message, cause);
    }

    // Configuration

    public static SegplanException configFileNotFound(String path) {
        return error(ErrorCategory.CONFIGURATION, "CONFIG_FILE_NOT_FOUND",
                "Cannot read configuration file '" + path + "'",
                "the file does not exist or is not readable",
                "pass an existing file with --config (the embedded default is conf/local.conf)");
    }

    public static SegplanException configSyntax(String origin, String detail, Throwable cause) {
        return error(ErrorCategory.CONFIGURATION, "CONFIG_SYNTAX",
                "Cannot parse configuration " + origin,
                detail,
                "correct the HOCON syntax at the position given", cause);
    }

    public static SegplanException unknownConfigKey(String key, String origin, List<String> knownSiblings) {
        String known = knownSiblings.isEmpty() ? "none" : String.join(", ", knownSiblings);
        return error(ErrorCategory.CONFIGURATION, "UNKNOWN_CONFIG_KEY",
                "Unknown configuration key '" + key + "' (" + origin + ")",
                "segplan rejects keys it does not know so that a typo never silently falls back to a default",
                "remove it or use one of the keys known at that level: " + known);
    }

    public static SegplanException invalidConfigValue(String key, Object value, String why, String fix) {
        return error(ErrorCategory.CONFIGURATION, "INVALID_CONFIG_VALUE",
                "Invalid value '" + value + "' for configuration key '" + key + "'", why, fix);
    }

    public static SegplanException missingConfigValue(String key, String fix) {
        return error(ErrorCategory.CONFIGURATION, "MISSING_CONFIG_VALUE",
                "Configuration key '" + key + "' has no value", "the stage you asked for needs it", fix);
    }

    public static SegplanException secretInConfiguration(String key) {
        return error(ErrorCategory.CONFIGURATION, "SECRET_IN_CONFIGURATION",
                "Configuration key '" + key + "' holds a credential",
                "credentials in configuration files end up in version control, logs and the run ledger's hash",
                "remove it and export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use a Hadoop credential"
                        + " provider via hadoop.security.credential.provider.path)");
    }

    public static SegplanException invalidOverride(String override) {
        return error(ErrorCategory.CONFIGURATION, "INVALID_OVERRIDE",
                "Cannot read the override '" + override + "'",
                "an override must have the form key=value",
                "write it as --set segplan.section.key=value");
    }

    public static SegplanException invalidArgument(String argument, Object value, String why, String fix) {
        return error(ErrorCategory.CONFIGURATION, "INVALID_ARGUMENT",
                "Invalid value '" + value + "' for " + argument, why, fix);
    }

    // Inputs (dataset-level checks: they fail the run before anything is written)

    public static SegplanException missingInput(String table, String location, Throwable cause) {
        return error(ErrorCategory.INPUT, "MISSING_INPUT",
                "Input table '" + table + "' was not found at " + location,
                "the path does not exist or holds no readable files",
                "check segplan.inputs." + table + ".path and .format, or generate sample data with"
                        + " 'segplan generate'", cause);
    }

    public static SegplanException unreadableInput(String table, String location, Throwable cause) {
        return error(ErrorCategory.INPUT, "UNREADABLE_INPUT",
                "Input table '" + table + "' at " + location + " could not be read",
                cause == null ? "unknown cause" : Failures.rootCause(cause),
                "check that the file is complete (not a cut-off download or copy) and that segplan.inputs."
                        + table.replace('_', '-') + ".format matches it", cause);
    }

    public static SegplanException missingColumns(String table, Collection<String> missing, Collection<String> present) {
        return missingColumns(table, missing, present, Optional.empty());
    }

    /** With the delimiter the one column present seems to be split by, when it is not the configured one. */
    public static SegplanException missingColumns(String table, Collection<String> missing, Collection<String> present,
            Optional<String> seemsDelimitedBy) {
        String fix = seemsDelimitedBy.map(delimiter -> "the header looks '" + delimiter + "'-separated: set"
                        + " segplan.inputs." + table.replace('_', '-') + ".options.sep = \"" + delimiter + "\"")
                .orElse("rename or add the columns in the export (see the table contracts in README.md)");
        return error(ErrorCategory.INPUT, "MISSING_COLUMNS",
                "Input table '" + table + "' lacks required columns " + missing,
                "the table contract needs them; the columns present are " + present, fix);
    }

    public static SegplanException wrongColumnType(String table, String column, String actual, String expected) {
        return error(ErrorCategory.INPUT, "WRONG_COLUMN_TYPE",
                "Column '" + column + "' of input table '" + table + "' has type " + actual,
                "the contract expects " + expected + " and " + actual + " cannot be converted to it",
                "export the column as " + expected + " or as text");
    }

    /** A header naming a column twice: Spark would read the two as {@code name<position>}, and neither by name. */
    public static SegplanException duplicatedColumns(String table, String location, Collection<String> repeated) {
        return error(ErrorCategory.INPUT, "DUPLICATED_COLUMNS",
                "The header of input table '" + table + "' at " + location + " names " + repeated + " more than once",
                "segplan cannot tell which of the columns holds the values",
                "remove or rename the repeated columns in the export");
    }

    public static SegplanException emptyInput(String table, String location) {
        return error(ErrorCategory.INPUT, "EMPTY_INPUT",
                "Input table '" + table + "' at " + location + " has no rows",
                "an empty export usually means an upstream job failed",
                "re-run the export, or point segplan.inputs." + table + ".path at the right files");
    }

    public static SegplanException quarantineShareExceeded(String table, long quarantined, long rowsIn, double limit,
            java.util.Map<String, Long> reasons) {
        return error(ErrorCategory.DATA_QUALITY, "QUARANTINE_SHARE_EXCEEDED",
                String.format("Input table '%s' failed row checks on %d of %d rows (%.1f%%, by reason %s)", table,
                        quarantined, rowsIn, rowsIn == 0 ? 0.0 : 100.0 * quarantined / rowsIn, reasons),
                String.format("more than segplan.validation.max-quarantine-share = %.1f%% suggests a broken export"
                        + " rather than a few bad rows", 100.0 * limit),
                "fix the export, or raise"
                        + " segplan.validation.max-quarantine-share if this share is expected");
    }

    /** A stage wrote rows that do not match the table's declared contract: a bug, not a user error. */
    public static SegplanException contractViolation(String table, String column, String why) {
        return error(ErrorCategory.INTERNAL, "CONTRACT_VIOLATION",
                "Cannot write table '" + table + "': column '" + column + "' " + why,
                "the rows a stage writes must match the table's contract in org.segplan.contract",
                "report this as a bug with the run id; earlier tables and run dates are untouched");
    }

    public static SegplanException reconciliationFailed(String table, long rowsIn, long accepted, long quarantined) {
        return error(ErrorCategory.INTERNAL, "RECONCILIATION_FAILED",
                "Row counts of '" + table + "' do not reconcile: " + rowsIn + " in, " + accepted + " accepted, "
                        + quarantined + " quarantined",
                "a row was lost or duplicated between reading and writing",
                "report this as a bug with the run id; the run's outputs were not committed to the ledger");
    }

    /** A file failed while a Spark job read it: cut off, not in its format, or removed while the run read it. */
    public static SegplanException unreadableFile(String stage, String file, String cause, Throwable failure) {
        return error(ErrorCategory.INPUT, "UNREADABLE_INPUT",
                "Stage '" + stage + "' could not read " + (file == null ? "one of its files" : "file " + file),
                cause,
                "check that the file is complete (a cut-off download or copy) and in the format its"
                        + " segplan.inputs.<table>.format says, then rerun; a file that was replaced or removed while"
                        + " the run read it needs only the rerun", failure);
    }

    public static SegplanException sparkJobFailed(String stage, String cause, Throwable failure) {
        return error(ErrorCategory.STAGE, "SPARK_JOB_FAILED",
                "A Spark job of stage '" + stage + "' failed", cause,
                "if the cause is a lost executor or a task out of memory, give executors more memory"
                        + " (spark.executor.memory) or more partitions (segplan.spark.shuffle-partitions) and rerun;"
                        + " the stack trace is in the log at debug level (logger org.segplan)", failure);
    }

    public static SegplanException storageFailed(String stage, String cause, Throwable failure) {
        return error(ErrorCategory.STAGE, "STORAGE_FAILED",
                "Stage '" + stage + "' could not read or write its storage", cause,
                "check that the storage is reachable with the credentials given and has space (for s3a://, the"
                        + " endpoint and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), then rerun; a table write is one"
                        + " Delta commit, so what the failed run did not commit was not written", failure);
    }

    public static SegplanException outOfMemory(String stage, Throwable failure) {
        return error(ErrorCategory.STAGE, "OUT_OF_MEMORY",
                "Stage '" + stage + "' ran out of memory in the driver", String.valueOf(failure.getMessage()),
                "give the driver more heap (SEGPLAN_JAVA_OPTS=-Xmx8g for bin/segplan, --driver-memory for"
                        + " spark-submit) and rerun", failure);
    }

    /** Anything else: a bug, not a user error. */
    public static SegplanException unexpectedFailure(String stage, String cause, Throwable failure) {
        return error(ErrorCategory.INTERNAL, "INTERNAL_ERROR",
                "Stage '" + stage + "' failed unexpectedly", cause,
                "report this as a bug with the run id and the log (the stack trace is there at debug level,"
                        + " logger org.segplan); earlier tables and run dates are untouched", failure);
    }

    // Stages

    public static SegplanException missingStageInput(String stage, String table, String runDate, String command) {
        return error(ErrorCategory.STAGE, "MISSING_STAGE_INPUT",
                "Stage '" + stage + "' found no rows of '" + table + "' for run date " + runDate,
                "the stage reads what an earlier stage wrote for the same run date",
                "run '" + command + " --run-date " + runDate + "' first, or 'segplan run' for every stage");
    }

    public static SegplanException tooFewCustomers(long customers, int needed) {
        return error(ErrorCategory.STAGE, "TOO_FEW_CUSTOMERS",
                "Segmentation needs at least " + needed + " customers with features but found " + customers,
                "k-means cannot form more segments than there are customers",
                "lower segplan.segmentation.k-min / k-max or load more customers");
    }

    public static SegplanException segmentationSampleTooSmall(long sampled, int needed) {
        return error(ErrorCategory.CONFIGURATION, "SEGMENTATION_SAMPLE_TOO_SMALL",
                "The segmentation sample holds " + sampled + " customers but " + needed + " are needed",
                "the model is fitted on a hash-based sample of about segplan.segmentation.selection-sample-size customers",
                "raise segplan.segmentation.selection-sample-size or lower segplan.segmentation.k");
    }

    public static SegplanException unknownFeature(String feature, Collection<String> available) {
        return error(ErrorCategory.CONFIGURATION, "UNKNOWN_FEATURE",
                "Segmentation feature '" + feature + "' does not exist",
                "segplan.segmentation.features names columns of customer_features; available: " + available,
                "choose features from the list, or remove the key to use the defaults");
    }

    // Segmentation extras: scoring with a saved model, attribute-only segmentation (issue 3, segment-more)

    public static SegplanException noUsableSegmentationFeatures(Collection<String> features) {
        return error(ErrorCategory.STAGE, "NO_USABLE_FEATURES",
                "None of the segmentation features " + features + " has a value for any customer",
                "a feature that is null for every customer cannot be imputed or compared",
                "load transactions, add customer attributes (psychographic scores, total_spend, order_count), or "
                        + "name other columns of customer_features in segplan.segmentation.features");
    }

    public static SegplanException noSegmentationModel(String location, String runDate) {
        return error(ErrorCategory.STAGE, "NO_SEGMENTATION_MODEL",
                "No saved segmentation model on or before run date " + runDate + " under " + location,
                "scoring assigns customers to the segments of a model that 'segplan segment' fitted and saved",
                "run 'segplan segment --run-date " + runDate + "' (or 'segplan run') first, or pass --model-run-date "
                        + "with the date of a saved model");
    }

    public static SegplanException modelWithoutSegmentIds(String location) {
        return error(ErrorCategory.STAGE, "MODEL_WITHOUT_SEGMENT_IDS",
                "The segmentation model at " + location + " has no segment-id mapping",
                "it was saved by an older segplan; without the mapping the model's clusters cannot be given the "
                        + "published segment ids",
                "rerun 'segplan segment' for that run date to save the model with its mapping");
    }

    public static SegplanException scoringFeaturesMissing(String source, Collection<String> missing,
            Collection<String> present) {
        return error(ErrorCategory.INPUT, "MISSING_COLUMNS",
                "The customer features at " + source + " lack the model's columns " + missing,
                "the saved model was fitted on them; columns present: " + present,
                "compute the features with the same definitions (see feature_dictionary), or score with a model "
                        + "fitted on these columns");
    }

    public static SegplanException scoringNullFeatures(String source, Collection<String> columns) {
        return error(ErrorCategory.INPUT, "NULL_FEATURE_VALUES",
                "Customer features at " + source + " have empty values in " + columns,
                "the saved model imputes only the columns that had empty values when it was fitted",
                "fill those values, or refit with 'segplan segment' on data that has them empty too");
    }

    // Classify: domain rule sets, ABC/XYZ, service policies

    public static SegplanException unknownServicePolicy(String key, String policy, Collection<String> catalogue) {
        return error(ErrorCategory.CONFIGURATION, "UNKNOWN_SERVICE_POLICY",
                "Configuration key '" + key + "' names the service policy '" + policy + "', which is not in the catalogue",
                "every segment is mapped to a policy of segplan.service-policies.catalogue; the catalogue has "
                        + catalogue,
                "use one of those names, or add the policy to the catalogue");
    }

    /** A rule or assignment expression names a column the frame it runs on does not have. */
    public static SegplanException ruleUnknownColumn(String rule, String when, String column, Collection<String> available) {
        return error(ErrorCategory.CONFIGURATION, "RULE_UNKNOWN_COLUMN",
                rule + " ('" + when + "') refers to the column '" + column + "', which does not exist",
                "the expression is evaluated over the columns " + available,
                "correct the column name in the expression (names are case-sensitive snake_case)");
    }

    public static SegplanException ruleNotBoolean(String rule, String when, String type) {
        return error(ErrorCategory.CONFIGURATION, "RULE_NOT_BOOLEAN",
                rule + " ('" + when + "') gives a value of type " + type + ", not true or false",
                "a rule selects customers or segments, so its expression must be a condition",
                "write a comparison such as 'monetary >= 1000' or 'city_type = \"urban\"'");
    }

    public static SegplanException ruleInvalidExpression(String rule, String when, String detail) {
        return error(ErrorCategory.CONFIGURATION, "RULE_INVALID_EXPRESSION",
                rule + " ('" + when + "') is not a valid Spark SQL expression",
                detail,
                "correct the expression; it is Spark SQL as in a WHERE clause, e.g. 'recency_days > 180 AND frequency >= 2'");
    }

    // Forecasting (segment demand, forecast-series, inventory targets)

    public static SegplanException noDemandToForecast(String runDate, String lastFullBucket) {
        return error(ErrorCategory.STAGE, "NO_DEMAND_TO_FORECAST",
                "Stage 'forecast' found no order lines in full buckets up to " + lastFullBucket + " (run date " + runDate + ")",
                "a forecast needs at least one bucket of demand that has ended by the run date",
                "check validated_transactions for the run date, or use a later run date or segplan.forecast.bucket = \"week\"");
    }

    public static SegplanException invalidSeriesColumn(String location, String column, String type, String expected) {
        return error(ErrorCategory.INPUT, "INVALID_SERIES_COLUMN",
                "Column '" + column + "' of the series table " + location + " has type " + type,
                "forecast-series reads series_id (text), period (a date), value (a number) and optional 0/1 columns",
                "give '" + column + "' as " + expected + ", or drop it");
    }

    // Distribution-center allocation

    public static SegplanException allocationInfeasible(List<String> periodDiagnoses) {
        return error(ErrorCategory.STAGE, "ALLOCATION_INFEASIBLE",
                "Distribution-center allocation is infeasible in " + periodDiagnoses.size() + " period(s)",
                String.join("; ", periodDiagnoses),
                "apply the remedy given for each period and rerun 'segplan allocate'; no allocation table was "
                        + "written for this run date");
    }

    public static SegplanException networkDesignInfeasible(String diagnosis) {
        return error(ErrorCategory.STAGE, "NETWORK_DESIGN_INFEASIBLE",
                "Network design found no set of centers to open", diagnosis,
                "loosen segplan.allocation.network-design limits or disable it (network-design.enabled = false)");
    }

    public static SegplanException noDemandZones(String scheme, long customers) {
        return error(ErrorCategory.STAGE, "NO_DEMAND_ZONES",
                "No demand zone could be formed from " + customers + " validated customers (zones = " + scheme + ")",
                "zones need customers with a city (zones = city) and latitude and longitude",
                "load customers with city, latitude and longitude, or use zones = grid with coordinates");
    }

    public static SegplanException noDistributionCenters() {
        return error(ErrorCategory.STAGE, "NO_DISTRIBUTION_CENTERS",
                "Allocation found no validated distribution centers for the run date",
                "every distribution_centers row was quarantined or the input is empty",
                "check the quarantine table for distribution_centers and fix the input");
    }

    // Quality gate (segplan check)

    public static SegplanException qualityGateFailed(String runDate, int checks, List<String> failedChecks) {
        return error(ErrorCategory.DATA_QUALITY, "QUALITY_GATE_FAILED",
                "The quality gate failed for run date " + runDate + ": " + failedChecks.size() + " of " + checks
                        + " checks failed at error level:\n  - " + String.join("\n  - ", failedChecks) + "\n",
                "the run's tables are inconsistent or incomplete, so planners should not use them yet; every check's"
                        + " result is in the quality_checks table",
                "fix the cause named above and re-run the failing stage, then 'segplan check --run-date " + runDate
                        + "'");
    }

    // Column mapping (segplan.inputs.<table>.mapping)

    public static SegplanException unknownSourceColumn(String table, String where, String column,
            Collection<String> present) {
        return error(ErrorCategory.INPUT, "UNKNOWN_SOURCE_COLUMN",
                "The mapping of input '" + table + "' names source column '" + column + "' (at mapping." + where + ")",
                "the source has no such column; its columns are " + present,
                "correct segplan.inputs." + table.replace('_', '-') + ".mapping to one of the columns listed");
    }

    public static SegplanException invalidMappingExpression(String table, String where, String expression,
            String why, Collection<String> present, Throwable cause) {
        return error(ErrorCategory.CONFIGURATION, "INVALID_MAPPING_EXPRESSION",
                "The mapping of input '" + table + "' at mapping." + where + " ('" + expression + "') cannot be evaluated",
                why + "; the columns available there are " + present,
                "correct the Spark SQL expression in segplan.inputs." + table.replace('_', '-') + ".mapping", cause);
    }

    public static SegplanException lookupKeyNotUnique(String table, String lookup, String key, Collection<String> examples) {
        return error(ErrorCategory.INPUT, "LOOKUP_KEY_NOT_UNIQUE",
                "Lookup '" + lookup + "' of input '" + table + "' has repeated values in its key column '" + key + "'",
                "a lookup must give at most one row per key, or it would multiply source rows; repeated: " + examples,
                "choose a unique key column, or deduplicate the lookup file");
    }

    public static SegplanException invalidMapping(String key, String why, String fix) {
        return error(ErrorCategory.CONFIGURATION, "INVALID_MAPPING", "Invalid column mapping at " + key, why, fix);
    }
}
