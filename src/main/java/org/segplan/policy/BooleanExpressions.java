package org.segplan.policy;

import static org.apache.spark.sql.functions.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.segplan.error.Errors;

/**
 * Turns configured Spark SQL conditions into columns, checked against the frame they run on so that a typo in a
 * column name is a clear error naming the rule rather than a Spark stack trace deep inside a write.
 */
public final class BooleanExpressions {
    private static final String UNRESOLVED_COLUMN = "UNRESOLVED_COLUMN";

    private BooleanExpressions() {
    }

    /**
     * @param rule how to name the rule in an error, e.g. "Rule set 'value', rule 2 (segment 'high')"
     * @return the condition as a column, known to resolve on {@code frame} and to be boolean
     */
    public static Column condition(Dataset<Row> frame, String rule, String when) {
        Column condition;
        DataType type;
        try {
            condition = expr(when);
            type = frame.select(condition).schema().fields()[0].dataType();
        } catch (Exception failure) {
            if (failure instanceof AnalysisException analysis) {
                throw describe(analysis, frame, rule, when);
            }
            throw failure;
        }
        if (!type.equals(DataTypes.BooleanType)) {
            throw Errors.ruleNotBoolean(rule, when, type.simpleString());
        }
        return condition;
    }

    private static RuntimeException describe(AnalysisException analysis, Dataset<Row> frame, String rule, String when) {
        String errorClass = analysis.getErrorClass();
        Map<String, String> parameters = analysis.getMessageParameters();
        List<String> available = Arrays.stream(frame.columns()).sorted().toList();
        if (errorClass != null && errorClass.startsWith(UNRESOLVED_COLUMN) && parameters.containsKey("objectName")) {
            return Errors.ruleUnknownColumn(rule, when, parameters.get("objectName").replace("`", ""), available);
        }
        return Errors.ruleInvalidExpression(rule, when, analysis.getSimpleMessage());
    }
}
