package io.scmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scmap.crawl.CrawlListener;
import io.scmap.crawl.CrawlParams;
import io.scmap.crawl.Crawler;
import io.scmap.crawl.PlantedGraph;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl recorded by a schema 1 scmap, read as it is and upgraded to schema 2 with its data intact. */
class StoreMigrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String SCHEMA =
            "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master" + " ORDER BY type, name";

    @TempDir
    Path dir;

    private Path v1;
    private List<String> crawled;

    /** A crawl into a schema 1 file: crawled with this scmap, then schema 2's additions taken away. */
    @BeforeEach
    void crawlIntoSchema1() throws Exception {
        v1 = dir.resolve("v1.db");
        try (Store store = Store.open(v1, CLOCK)) {
            new Crawler(PlantedGraph.build(), store, CrawlParams.DEFAULTS, CrawlListener.SILENT, CLOCK)
                    .run(PlantedGraph.SEEDS);
        }
        crawled = Sqlite.dump(v1);
        Sqlite.execute(v1, "DROP TABLE imported_cells", "DROP TABLE imported_columns", "PRAGMA user_version = 1");

        Path fresh = dir.resolve("fresh-v1.db");
        List<String> script = StoreFile.statements(resource("V1__init.sql"));
        Sqlite.execute(fresh, script.toArray(String[]::new));
        assertThat(Sqlite.query(v1, SCHEMA))
                .as("the file has exactly schema 1's tables and indexes")
                .isEqualTo(Sqlite.query(fresh, SCHEMA));
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = StoreFile.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> accounts(Store store) throws Exception {
        List<String> all = new ArrayList<>();
        store.scrapedAccounts().forEach(a -> all.add("row " + a));
        store.interactedAccounts().forEach(a -> all.add("column " + a));
        store.forEachInteraction((s, t, type) -> all.add(s + " " + type + " " + t));
        return all;
    }

    @Test
    void opensASchema1FileForWritingByUpgradingItWithItsDataIntact() throws Exception {
        try (Store store = Store.open(v1, CLOCK)) {
            assertThat(store.status().schemaVersion()).isEqualTo(2);
            assertThat(store.status().imported()).isNull();
            assertThat(store.importedCellCount()).isZero();
        }

        assertThat(Sqlite.query(v1, "PRAGMA user_version")).containsExactly("2");
        assertThat(Sqlite.tables(v1)).isEqualTo(Sqlite.CURRENT_TABLES);
        assertThat(Sqlite.dump(v1)).isEqualTo(crawled);
        assertThat(Sqlite.query(v1, "PRAGMA integrity_check")).containsExactly("ok");
    }

    @Test
    void readsASchema1FileAsItIsWithoutChangingIt() throws Exception {
        String hash = Sqlite.sha256(v1);
        List<String> asRead;
        try (Store store = Store.openReadOnly(v1)) {
            assertThat(store.status().schemaVersion()).isEqualTo(1);
            assertThat(store.status().scraped()).isPositive();
            assertThat(store.importedCellCount()).isZero();
            asRead = accounts(store);
        }
        assertThat(Sqlite.sha256(v1)).isEqualTo(hash);
        assertThat(Sqlite.query(v1, "PRAGMA user_version")).containsExactly("1");

        Store.open(v1, CLOCK).close();
        try (Store store = Store.openReadOnly(v1)) {
            assertThat(accounts(store)).isEqualTo(asRead);
        }
    }

    @Test
    void theCrawlGoesOnInAnUpgradedFile() throws Exception {
        try (Store store = Store.open(v1, CLOCK)) {
            new Crawler(PlantedGraph.build(), store, CrawlParams.DEFAULTS, CrawlListener.SILENT, CLOCK)
                    .run(PlantedGraph.SEEDS);
            assertThat(store.status().scraped())
                    .isEqualTo(PlantedGraph.CRAWL_ORDER.stream()
                            .filter(s -> s.endsWith(" done"))
                            .count());
        }
        assertThat(Sqlite.dump(v1).stream().filter(r -> !r.startsWith("meta: requests")))
                .containsExactlyElementsOf(crawled.stream()
                        .filter(r -> !r.startsWith("meta: requests"))
                        .toList());
    }
}
