package org.segplan.pipeline;

import java.util.List;

/** The one place stages are created, in pipeline order. */
public final class Stages {
    private Stages() {
    }

    public static Stage ingest() {
        return new IngestStage();
    }

    public static Stage features() {
        return new FeaturesStage();
    }

    public static Stage segment() {
        return new SegmentStage();
    }

    /** Scoring with a saved segmentation model; not part of {@link #all()} (a run fits its own model). */
    public static Stage score(ScoreStage.Options options) {
        return new ScoreStage(options);
    }

    public static Stage classify() {
        return new ClassifyStage();
    }

    public static Stage forecast() {
        return new ForecastStage();
    }

    /** forecast-series: the forecasting engine on a long-format table (not part of {@code run}). */
    public static Stage forecastSeries(String path, org.segplan.config.InputFormat format) {
        return new SeriesForecastStage(path, format);
    }

    public static Stage allocate() {
        return new AllocateStage();
    }

    public static Stage check() {
        return new QualityGateStage();
    }

    /** Every stage this version has, in order: what {@code segplan run} runs. */
    public static List<Stage> all() {
        return List.of(ingest(), features(), segment(), classify(), forecast(), allocate(), check());
    }
}
