package org.segplan.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.spark.ml.PipelineModel;

/** Saves fitted MLlib pipelines under the lakehouse root, one folder per model and run date. */
public final class ModelStore {
    private final Lakehouse lakehouse;

    public ModelStore(Lakehouse lakehouse) {
        this.lakehouse = lakehouse;
    }

    public String location(String model, LocalDate runDate) {
        return lakehouse.root() + "/models/" + model + "/run_date=" + runDate;
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
}
