package org.segplan.mapping;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Turns the source into one row per group, so one export can feed several inputs (customers and products
 * derived from order lines). Rows in for such an input are the groups.
 *
 * @param groupBy Spark SQL expressions; each becomes a column named as Spark names it (a column keeps its name)
 * @param columns named Spark SQL aggregate expressions
 */
public record Aggregation(List<String> groupBy, List<NamedExpression> columns) {
    public Aggregation {
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (groupBy.isEmpty()) {
            throw new IllegalArgumentException("an aggregation needs at least one group-by expression");
        }
    }

    /** An output column name and the Spark SQL expression that computes it. */
    public record NamedExpression(String name, String expression) {
        public NamedExpression {
            requireNonNull(name, "name is null");
            requireNonNull(expression, "expression is null");
        }
    }
}
