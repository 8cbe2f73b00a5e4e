package org.segplan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.segplan.allocate.PlanSettings;
import org.segplan.allocate.ZoneScheme;
import org.segplan.allocate.model.CostParameters;
import org.segplan.allocate.model.Sourcing;
import org.segplan.error.SegplanException;

class AllocationSettingsTest {
    @Test
    void defaults() {
        PlanSettings settings = ConfigLoader.load(List.of()).allocation();
        assertEquals(new PlanSettings(new CostParameters(0.002, 500, 0.5), OptionalDouble.empty(), Sourcing.SPLIT, 60,
                new PlanSettings.NetworkDesign(false, OptionalInt.empty(), OptionalDouble.empty(), 0),
                ZoneScheme.CITY, 1.0, OptionalDouble.empty()), settings);
    }

    @Test
    void everyKeyMaps() {
        PlanSettings settings = ConfigLoader.load(List.of(
                "segplan.allocation.transport-cost-per-unit-km=0.01", "segplan.allocation.speed-km-per-day=400",
                "segplan.allocation.handling-days=1", "segplan.allocation.unmet-demand-penalty-per-unit=25",
                "segplan.allocation.single-sourcing=true", "segplan.allocation.mip-time-limit-seconds=5",
                "segplan.allocation.network-design.enabled=true", "segplan.allocation.network-design.max-open-centers=4",
                "segplan.allocation.network-design.budget=100000", "segplan.allocation.network-design.candidate-sites=3",
                "segplan.allocation.zones=grid", "segplan.allocation.grid-degrees=0.5",
                "segplan.allocation.default-max-lead-time-days=3")).allocation();
        assertEquals(new PlanSettings(new CostParameters(0.01, 400, 1), OptionalDouble.of(25), Sourcing.SINGLE, 5,
                new PlanSettings.NetworkDesign(true, OptionalInt.of(4), OptionalDouble.of(100000), 3),
                ZoneScheme.GRID, 0.5, OptionalDouble.of(3)), settings);
    }

    @Test
    void badValuesNameTheKey() {
        assertMessage("segplan.allocation.speed-km-per-day", "segplan.allocation.speed-km-per-day=0");
        assertMessage("segplan.allocation.unmet-demand-penalty-per-unit",
                "segplan.allocation.unmet-demand-penalty-per-unit=-1");
        assertMessage("segplan.allocation.zones", "segplan.allocation.zones=county");
        assertMessage("network-design.max-open-centers", "segplan.allocation.network-design.enabled=true");
        assertMessage("segplan.allocation.network-desing", "segplan.allocation.network-desing.enabled=true");
    }

    private static void assertMessage(String expected, String override) {
        SegplanException failure = assertThrows(SegplanException.class, () -> ConfigLoader.load(List.of(override)));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}
