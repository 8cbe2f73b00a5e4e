package org.segplan.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.segplan.segment.SegmentIdMapping;
import org.segplan.segment.SegmentationAlgorithm;

/**
 * Saves fitted MLlib pipelines under the lakehouse root, one folder per model and run date, with a small JSON side
 * file ({@value #MAPPING_FILE}) that maps the model's cluster index to the published segment id.
 */
public final class ModelStore {
    public static final String MAPPING_FILE = "segment_ids.json";
    private static final String RUN_DATE_PREFIX = "run_date=";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TableStore lakehouse;

    public ModelStore(TableStore lakehouse) {
        this.lakehouse = lakehouse;
    }

    public String location(String model, LocalDate runDate) {
        return modelRoot(model) + "/" + RUN_DATE_PREFIX + runDate;
    }

    private String modelRoot(String model) {
        return lakehouse.root() + "/models/" + model;
    }

    public void save(String model, LocalDate runDate, PipelineModel fitted) {
        try {
            fitted.write().overwrite().save(location(model, runDate));
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot save model " + model, exception);
        }
    }

    public PipelineModel load(String model, LocalDate runDate) {
        return PipelineModel.load(location(model, runDate));
    }

    /** Writes the segment-id mapping beside the saved pipeline (after it: the pipeline save overwrites the folder). */
    public void saveMapping(String model, LocalDate runDate, SegmentIdMapping mapping) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode ids = root.putArray("cluster_to_segment_id");
        for (int id : mapping.clusterToSegmentId()) {
            ids.add(id);
        }
        root.put("algorithm", mapping.algorithm().configName());
        root.put("borderline_probability", mapping.borderlineProbability());
        strings(root.putArray("features"), mapping.features());
        strings(root.putArray("imputed_features"), mapping.imputedFeatures());
        strings(root.putArray("indicator_features"), mapping.indicatorFeatures());
        Path path = new Path(location(model, runDate), MAPPING_FILE);
        try (OutputStream out = fileSystem(path).create(path, true)) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot write " + path, exception);
        }
    }

    /** The mapping saved with a model; empty when the model was saved without one (by an older segplan). */
    public Optional<SegmentIdMapping> loadMapping(String model, LocalDate runDate) {
        Path path = new Path(location(model, runDate), MAPPING_FILE);
        try {
            FileSystem fileSystem = fileSystem(path);
            if (!fileSystem.exists(path)) {
                return Optional.empty();
            }
            try (InputStream in = fileSystem.open(path)) {
                JsonNode root = JSON.readTree(in);
                JsonNode ids = root.get("cluster_to_segment_id");
                int[] clusterToSegment = new int[ids.size()];
                for (int index = 0; index < clusterToSegment.length; index++) {
                    clusterToSegment[index] = ids.get(index).asInt();
                }
                String algorithmName = root.get("algorithm").asText();
                SegmentationAlgorithm algorithm = java.util.Arrays.stream(SegmentationAlgorithm.values())
                        .filter(candidate -> candidate.configName().equals(algorithmName)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("unknown algorithm " + algorithmName + " in " + path));
                return Optional.of(new SegmentIdMapping(clusterToSegment, algorithm,
                        root.get("borderline_probability").asDouble(), strings(root.get("features")),
                        strings(root.get("imputed_features")), strings(root.get("indicator_features"))));
            }
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot read " + path, exception);
        }
    }

    /** The latest run date on or before this one with a saved model, if any. */
    public Optional<LocalDate> latestOnOrBefore(String model, LocalDate runDate) {
        return runDates(model).stream().filter(date -> !date.isAfter(runDate)).max(LocalDate::compareTo);
    }

    public boolean exists(String model, LocalDate runDate) {
        return runDates(model).contains(runDate);
    }

    /** Run dates with a saved model (a folder holding the pipeline's metadata). */
    public List<LocalDate> runDates(String model) {
        Path root = new Path(modelRoot(model));
        List<LocalDate> dates = new ArrayList<>();
        try {
            FileSystem fileSystem = fileSystem(root);
            if (!fileSystem.exists(root)) {
                return dates;
            }
            for (FileStatus status : fileSystem.listStatus(root)) {
                String name = status.getPath().getName();
                if (status.isDirectory() && name.startsWith(RUN_DATE_PREFIX)
                        && fileSystem.exists(new Path(status.getPath(), "metadata"))) {
                    try {
                        dates.add(LocalDate.parse(name.substring(RUN_DATE_PREFIX.length())));
                    } catch (DateTimeParseException ignored) {
                        // Not a model folder segplan wrote.
                    }
                }
            }
            return dates;
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot list " + root, exception);
        }
    }

    private static FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(SparkSession.active().sparkContext().hadoopConfiguration());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
