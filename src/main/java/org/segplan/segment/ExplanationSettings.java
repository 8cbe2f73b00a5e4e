package org.segplan.segment;

/**
 * The decision tree that explains the segments (segplan.explanation).
 *
 * @param maxDepth depth of the tree: 3 gives at most eight readable rules
 * @param seed     seed of the tree's training
 */
public record ExplanationSettings(int maxDepth, long seed) {
    /** MLlib's decision trees stop at depth 30; beyond about 6 the rules stop being readable anyway. */
    public static final int DEEPEST = 30;
}
