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

    public static Stage check() {
        return new QualityGateStage();
    }

    /** Every stage this version has, in order: what {@code segplan run} runs. */
    public static List<Stage> all() {
        return List.of(ingest(), features(), segment(), check());
    }
}
