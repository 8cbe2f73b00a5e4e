package org.segplan.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and commit this build was made from, filtered into the jar by Maven. */
public final class CodeVersion {
    private CodeVersion() {
    }

    public static String current() {
        Properties properties = new Properties();
        try (InputStream stream = CodeVersion.class.getClassLoader().getResourceAsStream("segplan-version.properties")) {
            if (stream == null) {
                return "unknown";
            }
            properties.load(stream);
        } catch (IOException exception) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown") + "+" + properties.getProperty("commit", "unknown");
    }
}
