package org.segplan.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the classes that read the golden run last, every other class before them by name: the golden run, started
 * in the background when the plan begins ({@link GoldenRunStarter}), then overlaps with the rest of the suite
 * instead of being waited for first. Set in junit-platform.properties.
 */
public final class GoldenRunLast implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor descriptor) -> descriptor.isAnnotated(ReadsGoldenRun.class))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }
}
