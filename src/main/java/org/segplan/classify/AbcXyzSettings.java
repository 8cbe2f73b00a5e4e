package org.segplan.classify;

/**
 * ABC (Pareto on net value) and XYZ (variability of weekly demand) classification settings.
 *
 * @param aCutoff entities up to this cumulative value share are A (0 &lt; a &lt; b)
 * @param bCutoff then up to this one B (b &lt;= 1); the rest C
 * @param xMaxCv weekly coefficient of variation up to which demand is X (steady)
 * @param yMaxCv then up to which it is Y (variable); above, or without demand, Z
 * @param weeks full weeks before the run date that both classifications look at
 */
public record AbcXyzSettings(double aCutoff, double bCutoff, double xMaxCv, double yMaxCv, int weeks) {
}
