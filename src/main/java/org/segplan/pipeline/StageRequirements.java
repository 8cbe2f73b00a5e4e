package org.segplan.pipeline;

import java.util.Optional;
import org.segplan.contract.TransactionsTable;
import org.segplan.contract.ValidatedTables;

/**
 * Checks a stage makes before it starts, each returning the outcome to return instead of running. Usage at the top
 * of {@code execute}: {@code Optional<StageOutcome> skip = StageRequirements.transactions(context, NAME);
 * if (skip.isPresent()) return skip.get();}
 */
public final class StageRequirements {
    private StageRequirements() {
    }

    /** Skipped when the run has no validated order lines (transactions not provided, see segplan.inputs). */
    public static Optional<StageOutcome> transactions(RunContext context, String stage) {
        if (hasTransactions(context)) {
            return Optional.empty();
        }
        return Optional.of(StageOutcome.skipped("skipped: needs transactions; run date "
                + context.run().runDate() + " has none (segplan.inputs.transactions is not provided)"));
    }

    /**
     * Whether validated order lines exist for the run date. Ingest fails on an empty or unreadable transactions
     * input, so no rows means the input was not provided.
     */
    public static boolean hasTransactions(RunContext context) {
        String table = ValidatedTables.of(TransactionsTable.NAME);
        return context.lakehouse().exists(table)
                && !context.lakehouse().readRunDate(table, context.run().runDate()).isEmpty();
    }
}
