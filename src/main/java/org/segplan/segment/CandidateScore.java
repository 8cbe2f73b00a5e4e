package org.segplan.segment;

/** How well one candidate number of segments fits: a higher silhouette is better. */
public record CandidateScore(int k, String metric, double score, long sampleSize) {
}
