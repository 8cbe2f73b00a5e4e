package org.segplan.allocate.model;

/** A permitted way to serve one demand from one center (indexes into the problem's lists). */
public record Arc(int demand, int center, double distanceKm, double leadTimeDays, double costPerUnit) {
}
