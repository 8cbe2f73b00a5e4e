package org.segplan.forecast.model;

/**
 * Syntetos-Boylan demand classes from the average inter-demand interval (ADI) and the squared coefficient of
 * variation of the non-zero demand sizes (CV²).
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY;

    public boolean isIntermittentFamily() {
        return this == INTERMITTENT || this == LUMPY;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Classifies a series; one without any positive bucket counts as lumpy (nothing regular to smooth). */
    public static DemandClass of(double[] series, double adiThreshold, double cv2Threshold) {
        int nonZero = 0;
        double sum = 0;
        double sumSquares = 0;
        for (double value : series) {
            if (value > 0) {
                nonZero++;
                sum += value;
                sumSquares += value * value;
            }
        }
        if (nonZero == 0) {
            return LUMPY;
        }
        double adi = (double) series.length / nonZero;
        double mean = sum / nonZero;
        double variance = Math.max(0, sumSquares / nonZero - mean * mean);
        double cv2 = variance / (mean * mean);
        if (adi < adiThreshold) {
            return cv2 < cv2Threshold ? SMOOTH : ERRATIC;
        }
        return cv2 < cv2Threshold ? INTERMITTENT : LUMPY;
    }
}
