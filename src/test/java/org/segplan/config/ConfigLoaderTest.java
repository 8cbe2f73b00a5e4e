package org.segplan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segplan.error.SegplanException;
import org.segplan.mapping.InputFormat;
import org.segplan.segment.SegmentationAlgorithm;
import org.segplan.segment.SegmentationSettings;

class ConfigLoaderTest {
    @TempDir
    Path folder;

    private Path file(String text) throws IOException {
        Path path = folder.resolve("test.conf");
        Files.writeString(path, text);
        return path;
    }

    private static SegplanException failure(Runnable load) {
        return assertThrows(SegplanException.class, load::run);
    }

    @Test
    void defaultsCoverEveryKey() {
        SegplanConfig config = ConfigLoader.load(List.of());
        // No run date by default: a run must name one.
        assertEquals("MISSING_CONFIG_VALUE",
                failure(() -> ConfigLoader.loadRun(Optional.empty(), List.of(), Optional.empty())).code());
        assertEquals(new SparkSettings("local[2]", "segplan", 2, Map.of()), config.spark());
        assertEquals("./lakehouse", config.lakehouseRoot());
        assertEquals(List.of("customers", "transactions", "products", "distribution_centers", "calendar"),
                List.copyOf(config.inputs().keySet()));
        assertEquals(new InputSpec("transactions", "data-samples/transactions.csv.gz", InputFormat.CSV, Map.of(), true),
                config.input("transactions"));
        assertFalse(config.input("calendar").required());
        assertEquals(new ValidationSettings(0.25, Optional.empty(), Optional.empty()), config.validation());
        assertEquals(new FeatureSettings(2), config.features());
        assertEquals(new SegmentationSettings(SegmentationAlgorithm.KMEANS, 2, 8, OptionalInt.empty(), 42, 50,
                4, 20_000, List.of(), false, 0.7),
                config.segmentation());
        assertEquals(new QualityGateSettings(0.05, 0.02), config.qualityGate());
        assertEquals(64, config.effectiveHash().length());
    }

    @Test
    void fullMappingFromAFile() throws IOException {
        Path path = file("""
                segplan {
                  run.date = "2025-06-30"
                  spark { master = "local[1]", app-name = "x", shuffle-partitions = 8, settings { "spark.a.b" = 3 } }
                  lakehouse.root = "s3a://bucket/lake"
                  inputs.customers { path = "c.parquet", format = parquet, options { mergeSchema = "true" }, required = true }
                  inputs.calendar { path = "cal.json", format = json, required = true }
                  validation { max-quarantine-share = 0.5, timestamp-format = "dd/MM/yyyy HH:mm", date-format = "dd/MM/yyyy" }
                  features.urgent-lead-time-days = 3
                  segmentation { algorithm = "gaussian-mixture", borderline-probability = 0.6, k = 5, seed = 7, max-iterations = 10, initializations = 2, selection-sample-size = 100,
                                 features = ["log_monetary", "recency_days"], missing-indicators = true }
                }
                """);
        SegplanConfig config = ConfigLoader.load(Optional.of(path), List.of());
        assertEquals(LocalDate.of(2025, 6, 30), ConfigLoader.loadRun(Optional.of(path), List.of(), Optional.empty()).runDate());
        assertEquals(new SparkSettings("local[1]", "x", 8, Map.of("spark.a.b", "3")), config.spark());
        assertEquals("s3a://bucket/lake", config.lakehouseRoot());
        assertEquals(new InputSpec("customers", "c.parquet", InputFormat.PARQUET, Map.of("mergeSchema", "true"), true),
                config.input("customers"));
        assertEquals(InputFormat.JSON, config.input("calendar").format());
        assertTrue(config.input("calendar").required());
        assertEquals(new ValidationSettings(0.5, Optional.of("dd/MM/yyyy HH:mm"), Optional.of("dd/MM/yyyy")),
                config.validation());
        assertEquals(3, config.features().urgentLeadTimeDays());
        assertEquals(new SegmentationSettings(SegmentationAlgorithm.GAUSSIAN_MIXTURE, 2, 8, OptionalInt.of(5), 7, 10,
                2, 100, List.of("log_monetary", "recency_days"), true, 0.6), config.segmentation());
    }

    @Test
    void commandLineBeatsFileBeatsDefaults() throws IOException {
        Path path = file("segplan.lakehouse.root = \"/from/file\"\nsegplan.spark.shuffle-partitions = 4");
        SegplanConfig config = ConfigLoader.load(Optional.of(path),
                List.of("segplan.lakehouse.root=s3a://bucket/from-cli", "segplan.segmentation.features=[\"a\",\"b\"]"));
        assertEquals("s3a://bucket/from-cli", config.lakehouseRoot());
        assertEquals(4, config.spark().shufflePartitions());
        assertEquals(List.of("a", "b"), config.segmentation().features());
    }

    @Test
    void shippedConfigurationFilesLoad() {
        for (String name : List.of("local.conf", "cluster.conf", "s3.conf")) {
            SegplanConfig config = ConfigLoader.load(Optional.of(Path.of("conf", name)), List.of());
            assertFalse(config.lakehouseRoot().isBlank(), name);
        }
    }

    @Test
    void unknownKeysAreErrorsThatListTheKnownOnes() throws IOException {
        SegplanException typo = failure(() -> ConfigLoader.load(List.of("segplan.segmentation.kmax=3")));
        assertEquals("UNKNOWN_CONFIG_KEY", typo.code());
        assertTrue(typo.getMessage().contains("segplan.segmentation.kmax"), typo.getMessage());
        assertTrue(typo.getMessage().contains("k-max"), typo.getMessage());
        Path path = file("segplan.inputs.orders.path = \"x\"");
        assertEquals("UNKNOWN_CONFIG_KEY", failure(() -> ConfigLoader.load(Optional.of(path), List.of())).code());
        assertEquals("UNKNOWN_CONFIG_KEY", failure(() -> ConfigLoader.load(List.of("other.key=1"))).code());
    }

    @Test
    void badValuesNameTheKey() {
        SegplanException partitions = failure(() -> ConfigLoader.load(List.of("segplan.spark.shuffle-partitions=0")));
        assertEquals("INVALID_CONFIG_VALUE", partitions.code());
        assertTrue(partitions.getMessage().contains("segplan.spark.shuffle-partitions"));
        assertEquals("INVALID_CONFIG_VALUE",
                failure(() -> ConfigLoader.load(List.of("segplan.spark.shuffle-partitions=many"))).code());
        assertEquals("INVALID_CONFIG_VALUE",
                failure(() -> ConfigLoader.load(List.of("segplan.inputs.customers.format=xlsx"))).code());
        assertEquals("INVALID_CONFIG_VALUE",
                failure(() -> ConfigLoader.load(List.of("segplan.validation.max-quarantine-share=1.5"))).code());
        assertEquals("INVALID_CONFIG_VALUE", failure(() -> ConfigLoader.load(List.of("segplan.run.date=2025-13-01"))).code());
        assertEquals("INVALID_CONFIG_VALUE", failure(() -> ConfigLoader.load(List.of("segplan.segmentation.k-min=5",
                "segplan.segmentation.k-max=3"))).code());
        assertEquals("INVALID_CONFIG_VALUE", failure(() -> ConfigLoader.load(List.of("segplan.segmentation.k=1"))).code());
        assertEquals("INVALID_CONFIG_VALUE",
                failure(() -> ConfigLoader.load(List.of("segplan.segmentation.algorithm=dbscan"))).code());
        assertEquals("INVALID_CONFIG_VALUE",
                failure(() -> ConfigLoader.load(List.of("segplan.inputs.calendar.required=sometimes"))).code());
        assertEquals("INVALID_CONFIG_VALUE",
                failure(() -> ConfigLoader.load(List.of("segplan.quality-gate.minimum-segment-share=2"))).code());
        SegplanException warningAboveLimit = failure(() -> ConfigLoader.load(List.of(
                "segplan.quality-gate.quarantine-warning-share=0.3")));
        assertTrue(warningAboveLimit.getMessage().contains("never fires"), warningAboveLimit.getMessage());
        assertEquals("MISSING_CONFIG_VALUE", failure(() -> ConfigLoader.load(List.of("segplan.lakehouse.root=null"))).code());
        assertEquals("INVALID_OVERRIDE", failure(() -> ConfigLoader.load(List.of("no-equals-sign"))).code());
        assertEquals("CONFIG_FILE_NOT_FOUND",
                failure(() -> ConfigLoader.load(Optional.of(folder.resolve("absent.conf")), List.of())).code());
    }

    @Test
    void optionalInputsMayHaveNoPathRequiredOnesMayNot() {
        SegplanConfig config = ConfigLoader.load(List.of("segplan.inputs.transactions.path=null",
                "segplan.inputs.transactions.required=false"));
        assertEquals(null, config.input("transactions").path());
        SegplanException required = failure(() -> ConfigLoader.load(List.of("segplan.inputs.transactions.path=null")));
        assertEquals("MISSING_CONFIG_VALUE", required.code());
        assertTrue(required.getMessage().contains("segplan.inputs.transactions.required = false"), required.getMessage());
    }

    @Test
    void syntaxErrorsAreReported() throws IOException {
        Path path = file("segplan { spark { master = ");
        assertEquals("CONFIG_SYNTAX", failure(() -> ConfigLoader.load(Optional.of(path), List.of())).code());
    }

    @Test
    void credentialsAreRefusedInConfiguration() {
        SegplanException secret = failure(() -> ConfigLoader.load(
                List.of("segplan.spark.settings.\"spark.hadoop.fs.s3a.secret.key\"=abc")));
        assertEquals("SECRET_IN_CONFIGURATION", secret.code());
        assertFalse(secret.getMessage().contains("abc"));
    }

    @Test
    void theRunDateIsParsedOnceWithTheCommandLineFirst() throws IOException {
        Path path = file("segplan.run.date = \"2025-06-30\"\n");
        assertEquals(LocalDate.of(2025, 7, 31), ConfigLoader.loadRun(Optional.of(path),
                List.of("segplan.run.date=2025-07-31"), Optional.empty()).runDate());
        ConfiguredRun run = ConfigLoader.loadRun(Optional.of(path), List.of("segplan.run.date=2025-07-31"),
                Optional.of("2025-12-31"));
        assertEquals(LocalDate.of(2025, 12, 31), run.runDate());
        assertEquals(ConfigLoader.load(List.of()).effectiveHash(), run.config().effectiveHash());
        // --run-date and segplan.run.date fail alike: one parse, one message.
        for (SegplanException bad : List.of(
                failure(() -> ConfigLoader.loadRun(Optional.empty(), List.of(), Optional.of("31/12/2025"))),
                failure(() -> ConfigLoader.loadRun(Optional.empty(), List.of("segplan.run.date=31/12/2025"),
                        Optional.empty())))) {
            assertEquals("INVALID_CONFIG_VALUE", bad.code());
            assertTrue(bad.getMessage().contains("'31/12/2025'") && bad.getMessage().contains("segplan.run.date")
                    && bad.getMessage().contains("--run-date"), bad.getMessage());
        }
    }

    @Test
    void hashChangesWithSettingsButNotWithRunDate() {
        String base = ConfigLoader.load(List.of()).effectiveHash();
        assertEquals(base, ConfigLoader.load(List.of("segplan.run.date=2025-01-31")).effectiveHash());
        assertNotEquals(base, ConfigLoader.load(List.of("segplan.segmentation.seed=1")).effectiveHash());
    }
}
