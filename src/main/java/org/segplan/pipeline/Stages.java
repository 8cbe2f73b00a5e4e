package org.segplan.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.segplan.mapping.InputFormat;

/** The one place stages are created, in pipeline order, and where their specs are listed. */
public final class Stages {
    private static final List<StageSpec> BEFORE_GATE = List.of(IngestStage.SPEC, FeaturesStage.SPEC,
            SegmentStage.SPEC, ClassifyStage.SPEC, ForecastStage.SPEC, AllocateStage.SPEC);

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
    public static Stage forecastSeries(String path, InputFormat format) {
        return new SeriesForecastStage(path, format);
    }

    public static Stage allocate() {
        return new AllocateStage();
    }

    public static Stage check() {
        return new QualityGateStage(BEFORE_GATE);
    }

    /** Every stage this version has, in order: what {@code segplan run} runs. */
    public static List<Stage> all() {
        return List.of(ingest(), features(), segment(), classify(), forecast(), allocate(), check());
    }

    /** The specs of {@code segplan run}'s stages, in order (the quality gate last). */
    public static List<StageSpec> specs() {
        List<StageSpec> specs = new ArrayList<>(BEFORE_GATE);
        specs.add(check().spec());
        return List.copyOf(specs);
    }

    /** The specs of the commands outside {@code segplan run}. */
    public static List<StageSpec> otherSpecs() {
        return List.of(ScoreStage.SPEC, SeriesForecastStage.SPEC);
    }

    /** The stage (its {@code segplan} command) that writes a table. */
    public static String writerOf(String table) {
        return Stream.concat(specs().stream(), otherSpecs().stream()).filter(spec -> spec.writes(table))
                .map(StageSpec::name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage writes " + table));
    }
}
