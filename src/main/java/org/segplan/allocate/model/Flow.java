package org.segplan.allocate.model;

/** Units shipped on one arc in a solution. */
public record Flow(int demand, int center, double units, double distanceKm, double leadTimeDays, double cost) {
}
