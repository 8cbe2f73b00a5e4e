package org.segplan.contract;

import java.util.List;

/** The input contracts in the order they are validated (references point to earlier tables). */
public final class InputTables {
    public static final List<TableContract> ALL = List.of(
            CustomersTable.CONTRACT,
            ProductsTable.CONTRACT,
            DistributionCentersTable.CONTRACT,
            CalendarTable.CONTRACT,
            TransactionsTable.CONTRACT);

    private InputTables() {
    }

    public static TableContract byName(String name) {
        return ALL.stream().filter(contract -> contract.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input contract named " + name));
    }
}
