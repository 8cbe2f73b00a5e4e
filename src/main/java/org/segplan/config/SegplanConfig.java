package org.segplan.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.segplan.forecast.ForecastSettings;
import org.segplan.allocate.PlanSettings;
import org.segplan.classify.ClassifySettings;
import org.segplan.segment.ExplanationSettings;
import org.segplan.segment.SegmentationSettings;

/**
 * The typed, validated configuration of one segplan invocation. Built only by {@link ConfigLoader}. The run date is
 * not part of it: a run carries it once, in its identity ({@link ConfiguredRun}, then the run context).
 *
 * @param effectiveHash SHA-256 of the merged configuration (defaults, file, overrides), recorded in the run ledger
 */
public record SegplanConfig(
        SparkSettings spark,
        String lakehouseRoot,
        Map<String, InputSpec> inputs,
        ValidationSettings validation,
        FeatureSettings features,
        SegmentationSettings segmentation,
        ExplanationSettings explanation,
        ClassifySettings classify,
        ForecastSettings forecast,
        PlanSettings allocation,
        QualityGateSettings qualityGate,
        String effectiveHash) {

    public SegplanConfig {
        requireNonNull(spark, "spark is null");
        requireNonNull(lakehouseRoot, "lakehouseRoot is null");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(inputs, "inputs is null")));
        requireNonNull(validation, "validation is null");
        requireNonNull(features, "features is null");
        requireNonNull(segmentation, "segmentation is null");
        requireNonNull(classify, "classify is null");
        requireNonNull(forecast, "forecast is null");
        requireNonNull(allocation, "allocation is null");
        requireNonNull(effectiveHash, "effectiveHash is null");
        requireNonNull(explanation, "explanation is null");
        requireNonNull(qualityGate, "qualityGate is null");
    }

    public InputSpec input(String table) {
        InputSpec spec = inputs.get(table);
        if (spec == null) {
            throw new IllegalArgumentException("no input named " + table);
        }
        return spec;
    }
}
