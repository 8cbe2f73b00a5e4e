package org.segplan.cli;

import org.segplan.io.CodeVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the version and commit the jar was built from. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"segplan " + CodeVersion.current()};
    }
}
