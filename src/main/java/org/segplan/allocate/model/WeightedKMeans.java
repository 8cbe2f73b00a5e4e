package org.segplan.allocate.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Demand-weighted k-means (Lloyd) on zone locations: candidate sites for new centers sit where demand is dense.
 * Few points (zones), so plain Java; deterministic farthest-point seeding so reruns propose the same sites.
 * Distances are on the local equirectangular plane (longitude scaled by cos latitude), fine at country scale.
 */
public final class WeightedKMeans {
    /** A point with its weight (demand units). */
    public record Point(double latitude, double longitude, double weight) {
    }

    /** A proposed site: the weighted centroid of its cluster, the demand and number of zones it gathers. */
    public record Site(double latitude, double longitude, double demandUnits, int zones) {
    }

    private WeightedKMeans() {
    }

    public static List<Site> cluster(List<Point> points, int k, int maxIterations) {
        List<Point> weighted = points.stream().filter(point -> point.weight() > 0).toList();
        if (k <= 0 || weighted.isEmpty()) {
            return List.of();
        }
        int clusters = Math.min(k, weighted.size());
        double[][] centroids = seeds(weighted, clusters);
        int[] assignment = new int[weighted.size()];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            boolean changed = false;
            for (int p = 0; p < weighted.size(); p++) {
                int best = nearest(weighted.get(p), centroids);
                if (best != assignment[p] || iteration == 0) {
                    changed |= best != assignment[p];
                    assignment[p] = best;
                }
            }
            update(weighted, assignment, centroids);
            if (!changed && iteration > 0) {
                break;
            }
        }
        List<Site> sites = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            double demand = 0;
            int zones = 0;
            for (int p = 0; p < weighted.size(); p++) {
                if (assignment[p] == c) {
                    demand += weighted.get(p).weight();
                    zones++;
                }
            }
            if (zones > 0) {
                sites.add(new Site(centroids[c][0], centroids[c][1], demand, zones));
            }
        }
        sites.sort(Comparator.comparingDouble(Site::demandUnits).reversed());
        return sites;
    }

    /** The heaviest point first, then repeatedly the point with the largest weight x squared distance. */
    private static double[][] seeds(List<Point> points, int clusters) {
        double[][] centroids = new double[clusters][];
        Point heaviest = points.stream().max(Comparator.comparingDouble(Point::weight)).orElseThrow();
        centroids[0] = new double[] {heaviest.latitude(), heaviest.longitude()};
        for (int c = 1; c < clusters; c++) {
            Point farthest = null;
            double best = -1;
            for (Point point : points) {
                double closest = Double.POSITIVE_INFINITY;
                for (int existing = 0; existing < c; existing++) {
                    closest = Math.min(closest, squaredDistance(point, centroids[existing]));
                }
                if (closest * point.weight() > best) {
                    best = closest * point.weight();
                    farthest = point;
                }
            }
            centroids[c] = new double[] {farthest.latitude(), farthest.longitude()};
        }
        return centroids;
    }

    private static int nearest(Point point, double[][] centroids) {
        int best = 0;
        for (int c = 1; c < centroids.length; c++) {
            if (squaredDistance(point, centroids[c]) < squaredDistance(point, centroids[best])) {
                best = c;
            }
        }
        return best;
    }

    private static void update(List<Point> points, int[] assignment, double[][] centroids) {
        double[][] sums = new double[centroids.length][3];
        for (int p = 0; p < points.size(); p++) {
            Point point = points.get(p);
            sums[assignment[p]][0] += point.weight() * point.latitude();
            sums[assignment[p]][1] += point.weight() * point.longitude();
            sums[assignment[p]][2] += point.weight();
        }
        for (int c = 0; c < centroids.length; c++) {
            if (sums[c][2] > 0) {
                centroids[c] = new double[] {sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]};
            }
        }
    }

    private static double squaredDistance(Point point, double[] centroid) {
        double scale = Math.cos(Math.toRadians((point.latitude() + centroid[0]) / 2));
        double north = point.latitude() - centroid[0];
        double east = (point.longitude() - centroid[1]) * scale;
        return north * north + east * east;
    }
}
