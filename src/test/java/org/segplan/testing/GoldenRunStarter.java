package org.segplan.testing;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the golden run in the background as soon as the test plan holds a class marked {@link ReadsGoldenRun}:
 * its pipeline then runs beside the other test classes on the shared session (much of a small pipeline waits on
 * Spark's scheduler and Delta commits, not on the CPU), instead of after them. Registered in
 * META-INF/services; a plan without such a class starts nothing.
 */
public final class GoldenRunStarter implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean needed = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(GoldenRunStarter::readsGoldenRun);
        if (needed) {
            GoldenRun.startInBackground();
        }
    }

    private static boolean readsGoldenRun(TestIdentifier identifier) {
        return identifier.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                .map(source -> {
                    try {
                        return Class.forName(source.getClassName(), false,
                                GoldenRunStarter.class.getClassLoader()).isAnnotationPresent(ReadsGoldenRun.class);
                    } catch (ClassNotFoundException | LinkageError exception) {
                        return false;
                    }
                }).orElse(false);
    }
}
