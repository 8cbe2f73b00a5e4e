package org.segplan.config;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;

/** Quotes a plain command-line value as a HOCON string, so URIs and paths need no shell quoting. */
final class ConfigValueFactoryQuote {
    private ConfigValueFactoryQuote() {
    }

    static String quote(String value) {
        return ConfigValueFactory.fromAnyRef(value).render(ConfigRenderOptions.concise());
    }
}
