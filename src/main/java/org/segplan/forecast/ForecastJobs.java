package org.segplan.forecast;

import org.segplan.config.ForecastSettings;
import org.segplan.forecast.model.EngineSettings;

/** Engine settings from the validated configuration. */
public final class ForecastJobs {
    private ForecastJobs() {
    }

    public static EngineSettings engineSettings(ForecastSettings settings) {
        return new EngineSettings(settings.horizon(), settings.bucket().seasonLength(), settings.backtestFolds(),
                settings.backtestHorizon(), settings.backtestStep(), settings.metric(), settings.minHistory(),
                settings.adiThreshold(), settings.cv2Threshold(), settings.intermittentAlpha(),
                settings.intermittentBeta(), settings.models(), settings.calendarEffects(), true);
    }
}
