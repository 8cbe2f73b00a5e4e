package org.segplan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.segplan.error.SegplanException;
import org.segplan.segment.ExplanationSettings;

class ExplanationSettingsTest {
    @Test
    void defaultsAndOverrides() {
        assertEquals(new ExplanationSettings(3, 42), ConfigLoader.load(List.of()).explanation());
        assertEquals(new ExplanationSettings(5, 7), ConfigLoader.load(List.of("segplan.explanation.max-depth=5",
                "segplan.explanation.seed=7")).explanation());
    }

    @Test
    void depthOutsideWhatMllibAllowsNamesTheKey() {
        for (String depth : List.of("0", "31")) {
            SegplanException error = assertThrows(SegplanException.class,
                    () -> ConfigLoader.load(List.of("segplan.explanation.max-depth=" + depth)));
            assertEquals("INVALID_CONFIG_VALUE", error.code());
            assertTrue(error.getMessage().contains("segplan.explanation.max-depth"), error.getMessage());
        }
    }
}
