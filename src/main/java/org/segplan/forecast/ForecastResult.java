package org.segplan.forecast;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a forecasting entry returns: the rows of each output table (in the order they are written), the number of
 * series forecast and the run notes. The frames derive from per-series outcomes the entry cached; {@link #close()}
 * releases that cache once the tables are written.
 */
public final class ForecastResult implements AutoCloseable {
    private final Map<String, Dataset<Row>> tables;
    private final long seriesCount;
    private final List<String> notes;
    private final List<Dataset<?>> cached;

    ForecastResult(Map<String, Dataset<Row>> tables, long seriesCount, List<String> notes, List<Dataset<?>> cached) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tables, "tables is null")));
        this.seriesCount = seriesCount;
        this.notes = List.copyOf(requireNonNull(notes, "notes is null"));
        this.cached = List.copyOf(requireNonNull(cached, "cached is null"));
    }

    /** Output table name to its rows, in write order. */
    public Map<String, Dataset<Row>> tables() {
        return tables;
    }

    public Dataset<Row> table(String name) {
        Dataset<Row> rows = tables.get(name);
        if (rows == null) {
            throw new IllegalArgumentException("no table " + name + " in this result; tables: " + tables.keySet());
        }
        return rows;
    }

    public long seriesCount() {
        return seriesCount;
    }

    public List<String> notes() {
        return notes;
    }

    @Override
    public void close() {
        cached.forEach(Dataset::unpersist);
    }
}
