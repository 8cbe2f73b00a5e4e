package org.segplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segplan.forecast.model.EngineSettings;
import org.segplan.forecast.model.ForecastEngine;
import org.segplan.forecast.model.ModelName;
import org.segplan.forecast.model.SelectionMetric;

/**
 * The forecasting engine alone, without Spark or Delta: reads a dense long-format CSV (series_id, period, value;
 * rows of a series in period order, as bench/forecast_holdout.py writes its training.csv) and runs
 * {@link ForecastEngine} (selection, fit, intervals) on every series in one thread, twice: the first pass warms
 * the JIT up, the second is timed. Prints {@code engine_series=... engine_seconds=... engine_series_per_second=...}.
 * Arguments: CSV, horizon, min-history (the forecast-series defaults otherwise).
 */
public final class EngineThroughput {
    private EngineThroughput() {
    }

    public static void main(String[] arguments) throws IOException {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of(arguments[0]));
        for (String line : lines.subList(1, lines.size())) {
            int last = line.lastIndexOf(',');
            int period = line.lastIndexOf(',', last - 1);
            String id = line.substring(0, period);
            series.computeIfAbsent(id, ignored -> new ArrayList<>()).add(Double.parseDouble(line.substring(last + 1)));
        }
        int horizon = Integer.parseInt(arguments[1]);
        int minHistory = Integer.parseInt(arguments[2]);
        EngineSettings settings = new EngineSettings(horizon, 52, 8, horizon, 2, SelectionMetric.WAPE, minHistory, 1.32,
                0.49, 0.1, 0.1, List.of(ModelName.values()), true, true);
        List<double[]> histories = series.values().stream()
                .map(values -> values.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        run(settings, histories);
        long started = System.nanoTime();
        run(settings, histories);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "engine_series=%d engine_seconds=%.3f engine_series_per_second=%.1f%n",
                histories.size(), seconds, histories.size() / seconds);
    }

    private static void run(EngineSettings settings, List<double[]> histories) {
        for (double[] history : histories) {
            boolean nonNegative = java.util.Arrays.stream(history).allMatch(value -> value >= 0);
            new ForecastEngine(settings.withClipAtZero(nonNegative)).forecast(history, List.of());
        }
    }
}
