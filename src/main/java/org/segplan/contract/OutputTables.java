package org.segplan.contract;

import static org.segplan.contract.TableContract.required;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.error.Errors;

/**
 * The registry of every table segplan writes, with its contract: the stages' outputs, the run ledger, and
 * {@code validated_<input>} for every input. The writer conforms each frame to its table's contract
 * ({@link #conform}); a table without one cannot be written.
 */
public final class OutputTables {
    /** The columns the writer stamps on every row, after the contract's own (unless it places them itself). */
    private static final List<ColumnSpec> RUN_COLUMNS = List.of(required(Columns.RUN_DATE), required(Columns.RUN_ID));

    private static final Map<String, TableContract> CONTRACTS = index();

    private OutputTables() {
    }

    /** Every registered contract: the outputs, then validated_&lt;input&gt; in input order. */
    public static List<TableContract> all() {
        return List.copyOf(CONTRACTS.values());
    }

    public static Optional<TableContract> find(String table) {
        return Optional.ofNullable(CONTRACTS.get(table));
    }

    /**
     * The contract of a table as stages produce it (without run_date and run_id, unless the table declares them).
     *
     * @throws IllegalStateException when no contract is registered for the table
     */
    public static TableContract contract(String table) {
        return find(table).orElseThrow(() -> Errors.contractViolation(table, "*", "cannot be written: the table "
                + "has no contract (every table segplan writes needs one, declared in org.segplan.contract and "
                + "registered in OutputTables; registered: " + String.join(", ", CONTRACTS.keySet()) + ")"));
    }

    /** The contract of a table as stored: its contract followed by run_date and run_id. */
    public static TableContract stored(String table) {
        return contract(table).withTrailingColumns(RUN_COLUMNS);
    }

    /**
     * Rows stamped with run_date and run_id, conformed to the table's stored contract: its columns in order, cast
     * to their types. Fails, naming the table and the column, on a missing required column or an undeclared one.
     */
    public static Dataset<Row> conform(String table, Dataset<Row> stampedRows) {
        return stored(table).conform(stampedRows);
    }

    private static Map<String, TableContract> index() {
        List<TableContract> contracts = new ArrayList<>(List.of(
                DemandSplitTable.CONTRACT,
                QuarantineTable.CONTRACT,
                CustomerFeaturesTable.CONTRACT,
                FeatureDictionaryTable.CONTRACT,
                CustomerSegmentsTable.CONTRACT,
                ModelSelectionTable.CONTRACT,
                SegmentProfilesTable.CONTRACT,
                SegmentCentroidsTable.CONTRACT,
                SegmentMigrationsTable.CONTRACT,
                SegmentExplanationsTable.CONTRACT,
                SegmentExplanationSummaryTable.CONTRACT,
                CustomerSegmentScoresTable.CONTRACT,
                CustomerRuleSegmentsTable.CONTRACT,
                SegmentRuleCrosstabTable.CONTRACT,
                CustomerAbcXyzTable.CONTRACT,
                ProductAbcXyzTable.CONTRACT,
                SegmentServicePolicyTable.CONTRACT,
                ServicePolicyCoverageTable.CONTRACT,
                ServicePolicyComplexityTable.CONTRACT,
                SegmentDemandHistoryTable.CONTRACT,
                SegmentDemandForecastTable.CONTRACT,
                ForecastBacktestTable.CONTRACT,
                ForecastAccuracyTable.CONTRACT,
                InventoryTargetsTable.CONTRACT,
                SeriesForecastTable.CONTRACT,
                ForecastAccuracyTable.SERIES_CONTRACT,
                ForecastBacktestTable.SERIES_CONTRACT,
                DemandZonesTable.CONTRACT,
                ZoneSegmentDemandTable.CONTRACT,
                DcAllocationTable.CONTRACT,
                DcUtilizationTable.CONTRACT,
                AllocationSummaryTable.CONTRACT,
                UnmetDemandTable.CONTRACT,
                SupplyRiskTable.CONTRACT,
                DcCandidateSitesTable.CONTRACT,
                QualityChecksTable.CONTRACT,
                PipelineRunsTable.CONTRACT));
        for (TableContract input : InputTables.ALL) {
            contracts.add(ValidatedTables.contract(input));
        }
        Map<String, TableContract> index = new LinkedHashMap<>();
        for (TableContract contract : contracts) {
            if (index.put(contract.name(), contract) != null) {
                throw new IllegalStateException("two contracts for table " + contract.name());
            }
        }
        return Collections.unmodifiableMap(index);
    }
}
