package org.segplan.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SegmentProfilesTest {
    @Test
    void sharesMeansTraitsAndNames() {
        List<Row> rows = new ArrayList<>();
        // Segment 1: three tech-leaning app buyers worth 100 each; segment 2: one dealer buyer worth 500.
        for (int index = 0; index < 3; index++) {
            rows.add(RowFactory.create(1, 100.0, 0.9, 1.0, 0.0));
        }
        rows.add(RowFactory.create(2, 500.0, 0.1, 0.0, 1.0));
        StructType schema = new StructType().add("segment_id", DataTypes.IntegerType).add("monetary", DataTypes.DoubleType)
                .add("tech_affinity", DataTypes.DoubleType).add("channel_share_app", DataTypes.DoubleType)
                .add("channel_share_dealer", DataTypes.DoubleType);
        List<SegmentProfiles.Profile> profiles = SegmentProfiles.compute(
                org.segplan.testing.SharedSpark.get().createDataFrame(rows, schema),
                List.of("tech_affinity", "channel_share_app", "channel_share_dealer", "monetary"));
        assertEquals(2, profiles.size());
        SegmentProfiles.Profile tech = profiles.get(0);
        SegmentProfiles.Profile dealer = profiles.get(1);
        assertEquals(0.75, tech.customerShare(), 1e-12);
        assertEquals(300.0 / 800.0, tech.revenueShare(), 1e-12);
        assertEquals(0.9, tech.means().get("tech_affinity"), 1e-12);
        // Population mean of tech_affinity 0.7, deviation sqrt(0.12): (0.9 - 0.7) / 0.3464 = +0.577.
        assertEquals(0.2 / Math.sqrt(0.12), tech.distinguishing().get("tech_affinity"), 1e-9);
        assertTrue(tech.name().contains("tech-leaning"), tech.name());
        assertTrue(tech.name().contains("app-channel"), tech.name());
        assertTrue(dealer.name().contains("dealer-channel"), dealer.name());
        assertTrue(dealer.name().contains("high-value"), dealer.name());
        assertTrue(dealer.name().endsWith("buyers"));
    }

    @Test
    void traitWordsFollowTheDirection() {
        assertEquals("urgent", TraitNames.word("urgent_order_share", true));
        assertEquals("quick-delivery", TraitNames.word("median_requested_lead_time_days", false));
        assertEquals("fleet-portal-channel", TraitNames.word("channel_share_fleet_portal", true));
        assertEquals("typical customers", TraitNames.name(java.util.Map.of("tech_affinity", 0.1), 0.5, 3));
    }
}
