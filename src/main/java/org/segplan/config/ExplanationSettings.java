package org.segplan.config;

import static org.segplan.config.ConfigValues.longValue;
import static org.segplan.config.ConfigValues.positiveInt;

import com.typesafe.config.Config;
import org.segplan.error.Errors;

/**
 * The decision tree that explains the segments (segplan.explanation).
 *
 * @param maxDepth depth of the tree: 3 gives at most eight readable rules
 * @param seed     seed of the tree's training
 */
public record ExplanationSettings(int maxDepth, long seed) {
    /** MLlib's decision trees stop at depth 30; beyond about 6 the rules stop being readable anyway. */
    static final int DEEPEST = 30;

    public static ExplanationSettings parse(Config root) {
        int depth = positiveInt(root, "explanation.max-depth");
        if (depth > DEEPEST) {
            throw Errors.invalidConfigValue("segplan.explanation.max-depth", depth,
                    "MLlib decision trees are at most " + DEEPEST + " levels deep", "use a depth from 1 to 6 for readable rules");
        }
        return new ExplanationSettings(depth, longValue(root, "explanation.seed"));
    }
}
