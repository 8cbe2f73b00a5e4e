package org.segplan.classify;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.segplan.contract.AbcXyzColumns;
import org.segplan.contract.TransactionsTable;

/**
 * ABC/XYZ classification of customers or products. ABC: Pareto on net value (sorted descending, ties by id).
 * XYZ: coefficient of variation of weekly net units over every week of the window, weeks without demand counting
 * as 0. The zero weeks enter through the sums (mean = sum / weeks, variance = sum of squares / weeks - mean^2), so no
 * entity-by-week grid is built.
 */
public final class AbcXyz {
    private static final String WEEK = "__week";
    private static final String UNITS = "__units";
    private static final String VALUE = "__value";
    private static final String GROSS_UNITS = "__gross_units";
    private static final String SUM_UNITS = "__sum_units";
    private static final String SUM_SQUARES = "__sum_squares";
    private static final String POSITIVE_VALUE = "__positive_value";
    private static final String VALUE_BEFORE = "__value_share_before";

    private AbcXyz() {
    }

    /**
     * @param entities one row per entity to classify: the id column plus any columns to carry (e.g. category);
     *     entities without transactions are classified too (C and Z)
     * @param transactions validated transaction lines with the id column
     * @return the entity columns followed by {@link AbcXyzColumns}
     */
    public static Dataset<Row> classify(Dataset<Row> entities, Dataset<Row> transactions, String idColumn,
            DemandWindow window, AbcXyzSettings settings) {
        Dataset<Row> statistics = weeklyStatistics(transactions, idColumn, window);
        Dataset<Row> joined = entities.join(statistics, entities.col(idColumn).equalTo(statistics.col("__id")), "left")
                .drop("__id");
        double weeks = window.weeks();
        Column mean = coalesce(col(SUM_UNITS), lit(0.0)).divide(weeks);
        Column variance = greatest(coalesce(col(SUM_SQUARES), lit(0.0)).divide(weeks).minus(mean.multiply(mean)),
                lit(0.0));
        Column netValue = coalesce(col(AbcXyzColumns.NET_VALUE), lit(0.0));
        WindowSpec everyone = Window.partitionBy();
        WindowSpec ranked = Window.orderBy(col(AbcXyzColumns.NET_VALUE).desc(), col(idColumn).asc());
        Column total = sum(col(POSITIVE_VALUE)).over(everyone);
        Column valueBefore = col(VALUE_BEFORE);
        Column cv = col(AbcXyzColumns.WEEKLY_CV);
        Column hasDemand = col(AbcXyzColumns.HAS_DEMAND);
        Dataset<Row> classified = joined
                .withColumn(AbcXyzColumns.NET_VALUE, netValue)
                .withColumn(AbcXyzColumns.HAS_DEMAND, coalesce(col(GROSS_UNITS).gt(0), lit(false)))
                .withColumn(POSITIVE_VALUE, greatest(col(AbcXyzColumns.NET_VALUE), lit(0.0)))
                .withColumn(AbcXyzColumns.VALUE_SHARE, when(total.gt(0), col(POSITIVE_VALUE).divide(total))
                        .otherwise(0.0))
                .withColumn(AbcXyzColumns.CUMULATIVE_VALUE_SHARE, sum(col(AbcXyzColumns.VALUE_SHARE)).over(
                        ranked.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                .withColumn(VALUE_BEFORE, coalesce(sum(col(AbcXyzColumns.VALUE_SHARE)).over(
                        ranked.rowsBetween(Window.unboundedPreceding(), -1)), lit(0.0)))
                .withColumn(AbcXyzColumns.ABC_CLASS, when(col(AbcXyzColumns.NET_VALUE).leq(0), "C")
                        .when(valueBefore.lt(settings.aCutoff()), "A")
                        .when(valueBefore.lt(settings.bCutoff()), "B")
                        .otherwise("C"))
                .withColumn(AbcXyzColumns.WEEKLY_MEAN_UNITS, mean)
                .withColumn(AbcXyzColumns.WEEKLY_CV, when(mean.gt(0), sqrt(variance).divide(mean)))
                .withColumn(AbcXyzColumns.XYZ_CLASS, when(hasDemand.unary_$bang().or(cv.isNull()), "Z")
                        .when(cv.leq(settings.xMaxCv()), "X")
                        .when(cv.leq(settings.yMaxCv()), "Y")
                        .otherwise("Z"))
                .withColumn(AbcXyzColumns.ABC_XYZ, concat(col(AbcXyzColumns.ABC_CLASS), col(AbcXyzColumns.XYZ_CLASS)));
        List<Column> output = new ArrayList<>();
        for (String column : entities.columns()) {
            output.add(col(column));
        }
        for (String column : List.of(AbcXyzColumns.NET_VALUE, AbcXyzColumns.VALUE_SHARE,
                AbcXyzColumns.CUMULATIVE_VALUE_SHARE, AbcXyzColumns.ABC_CLASS, AbcXyzColumns.WEEKLY_MEAN_UNITS,
                AbcXyzColumns.WEEKLY_CV, AbcXyzColumns.XYZ_CLASS, AbcXyzColumns.ABC_XYZ, AbcXyzColumns.HAS_DEMAND)) {
            output.add(col(column));
        }
        return classified.select(output.toArray(Column[]::new));
    }

    /** Per entity: net value, sum and sum of squares of weekly net units, and gross units sold in the window. */
    static Dataset<Row> weeklyStatistics(Dataset<Row> transactions, String idColumn, DemandWindow window) {
        Column day = to_date(col(TransactionsTable.ORDER_TIMESTAMP));
        Column isReturn = coalesce(col(TransactionsTable.IS_RETURN), lit(false));
        Column sign = when(isReturn, -1.0).otherwise(1.0);
        Column quantity = col(TransactionsTable.QUANTITY).cast("double");
        return transactions
                .where(day.geq(lit(Date.valueOf(window.start()))).and(day.lt(lit(Date.valueOf(window.endExclusive())))))
                .withColumn(WEEK, floor(datediff(day, lit(Date.valueOf(window.start()))).divide(7)))
                .groupBy(col(idColumn).as("__id"), col(WEEK))
                .agg(sum(quantity.multiply(sign)).as(UNITS),
                        sum(quantity.multiply(col(TransactionsTable.UNIT_PRICE)).multiply(sign)).as(VALUE),
                        sum(when(isReturn, 0.0).otherwise(quantity)).as(GROSS_UNITS))
                .groupBy("__id")
                .agg(sum(VALUE).as(AbcXyzColumns.NET_VALUE),
                        sum(UNITS).as(SUM_UNITS),
                        sum(col(UNITS).multiply(col(UNITS))).as(SUM_SQUARES),
                        max(GROSS_UNITS).as(GROSS_UNITS));
    }
}
