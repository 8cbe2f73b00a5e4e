package org.segplan.pipeline;

import java.util.List;
import org.segplan.contract.CalendarTable;
import org.segplan.contract.CustomerSegmentsTable;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ForecastAccuracyTable;
import org.segplan.contract.ForecastBacktestTable;
import org.segplan.contract.InventoryTargetsTable;
import org.segplan.contract.ProductsTable;
import org.segplan.contract.SegmentDemandForecastTable;
import org.segplan.contract.SegmentDemandHistoryTable;
import org.segplan.contract.SegmentServicePolicyTable;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;
import org.segplan.forecast.ForecastResult;
import org.segplan.forecast.SegmentForecasting;
import org.segplan.pipeline.StageSpec.TableRead;
import org.segplan.pipeline.StageSpec.TableWrite;

/**
 * Forecasts net demand per segment x category (x region) and the inventory targets ({@link SegmentForecasting}).
 * Reads segment_service_policy for service levels when the classify stage wrote it for the run date.
 */
public final class ForecastStage implements Stage {
    public static final String NAME = "forecast";

    public static final StageSpec SPEC = new StageSpec(NAME,
            "Forecast demand per segment x category (backtested model choice, intervals) and inventory targets.",
            List.of(TableRead.required(ValidatedTables.of(TransactionsTable.NAME)),
                    TableRead.required(ValidatedTables.of(ProductsTable.NAME)),
                    TableRead.required(ValidatedTables.of(CustomersTable.NAME)),
                    TableRead.required(CustomerSegmentsTable.NAME),
                    TableRead.optional(ValidatedTables.of(CalendarTable.NAME)),
                    TableRead.optional(SegmentServicePolicyTable.NAME)),
            List.of(TableWrite.always(SegmentDemandHistoryTable.NAME), TableWrite.always(SegmentDemandForecastTable.NAME),
                    TableWrite.always(ForecastBacktestTable.NAME), TableWrite.always(ForecastAccuracyTable.NAME),
                    TableWrite.always(InventoryTargetsTable.NAME)),
            true);

    @Override
    public StageSpec spec() {
        return SPEC;
    }

    @Override
    public StageOutcome run(RunContext context, StageInputs inputs) {
        SegmentForecasting.Inputs frames = new SegmentForecasting.Inputs(
                inputs.table(ValidatedTables.of(TransactionsTable.NAME)),
                inputs.table(ValidatedTables.of(ProductsTable.NAME)),
                inputs.table(CustomerSegmentsTable.NAME),
                inputs.optional(ValidatedTables.of(CustomersTable.NAME)),
                inputs.optional(ValidatedTables.of(CalendarTable.NAME)),
                inputs.optional(SegmentServicePolicyTable.NAME));
        try (ForecastResult result = SegmentForecasting.compute(frames, context.config().forecast(),
                context.run().runDate())) {
            result.tables().forEach((table, rows) -> context.tables().replaceRunDate(table, rows, context.run()));
            long rowsOut = context.tables().countRunDate(SegmentDemandForecastTable.NAME, context.run().runDate());
            return new StageOutcome(List.of(TableCounts.output(SegmentDemandForecastTable.NAME, result.seriesCount(),
                    rowsOut)), result.notes());
        }
    }
}
