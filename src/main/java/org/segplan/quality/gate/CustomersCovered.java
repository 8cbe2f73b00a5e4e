package org.segplan.quality.gate;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segplan.contract.CustomersTable;
import org.segplan.contract.ValidatedTables;

/** Every validated customer of the run date has exactly one row in a per-customer table (features, segments). */
public final class CustomersCovered implements QualityCheck {
    public static final String NAME = "every_customer_covered";
    public static final String UNIQUE = "one_row_per_customer";

    private final String table;

    public CustomersCovered(String table) {
        this.table = table;
    }

    @Override
    public List<CheckResult> evaluate(GateInputs inputs) {
        String customersTable = ValidatedTables.of(CustomersTable.NAME);
        Optional<Dataset<Row>> customers = inputs.table(customersTable);
        Optional<Dataset<Row>> covering = inputs.table(table);
        if (customers.isEmpty() || covering.isEmpty()) {
            String absent = customers.isEmpty() ? customersTable : table;
            return List.of(CheckResult.fail(NAME, table, CheckLevel.ERROR, null, "0 customers missing",
                    absent + " does not exist, so coverage cannot be checked"));
        }
        Dataset<Row> ids = covering.get().select(col(CustomersTable.CUSTOMER_ID));
        long missing = customers.get().select(CustomersTable.CUSTOMER_ID)
                .join(ids, CustomersTable.CUSTOMER_ID, "left_anti").count();
        long rows = ids.count();
        long distinct = ids.distinct().count();
        long total = customers.get().count();
        return List.of(
                CheckResult.when(missing == 0, NAME, table, CheckLevel.ERROR, (double) missing, "0 customers missing",
                        missing + " of " + total + " validated customers have no row in " + table),
                CheckResult.when(rows == distinct, UNIQUE, table, CheckLevel.ERROR, (double) (rows - distinct),
                        "0 duplicate rows", table + " has " + rows + " rows for " + distinct + " customers"));
    }
}
