package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The cursor walk both clients share, against pages served from a map (no HTTP). */
class PaginatorTest {
    private static final URI BASE = URI.create("http://127.0.0.1:9");

    private final List<URI> asked = new ArrayList<>();

    /** A page source answering from {@code pages} by path and query; absent: 404 (null). */
    private Paginator.PageSource pages(Map<String, String> pages) {
        return uri -> {
            asked.add(uri);
            String body = pages.get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            return body == null ? null : parse(body);
        };
    }

    private static Optional<Long> id(JsonNode item) {
        return Optional.ofNullable(ResponseParser.id(item));
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            return HttpFetcher.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private Paginator.Result<Long> walk(Paginator.Dialect dialect, Map<String, String> pages, int max)
            throws SourceException {
        return new Paginator(BASE, 10, pages(pages), dialect).collect(BASE.resolve("/l"), max, PaginatorTest::id);
    }

    @Test
    void followsCursorsOntoTheBaseAndSkipsUnreadableItems() throws SourceException {
        Map<String, String> pages = Map.of(
                "/l", "{\"collection\":[1,\"x\",2],\"next_href\":\"https://api.example/l?page=2&client_id=old\"}",
                "/l?page=2", "{\"collection\":[],\"next_href\":\"/l?page=3\"}",
                "/l?page=3", "{\"collection\":[3],\"next_href\":null}");
        for (Paginator.Dialect dialect : Paginator.Dialect.values()) {
            asked.clear();
            Paginator.Result<Long> result = walk(dialect, pages, 10);
            assertThat(result.items()).as(dialect.name()).containsExactly(1L, 2L, 3L);
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.stop()).isEqualTo(Paginator.Stop.END);
            assertThat(asked)
                    .extracting(URI::toString)
                    .containsExactly(BASE + "/l", BASE + "/l?page=2", BASE + "/l?page=3");
        }
    }

    @Test
    void maxZeroAsksNothingAndANegativeMaxIsRefused() throws SourceException {
        assertThat(walk(Paginator.Dialect.API_V2, Map.of(), 0).items()).isEmpty();
        assertThat(asked).isEmpty();
        assertThatThrownBy(() -> walk(Paginator.Dialect.OFFICIAL, Map.of(), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max must be >= 0, got -1");
    }

    @Test
    void theOfficialDialectEndsAtABareArrayOrA404WithWhatItHas() throws SourceException {
        Paginator.Result<Long> array = walk(Paginator.Dialect.OFFICIAL, Map.of("/l", "[4,5]"), 10);
        assertThat(array.items()).containsExactly(4L, 5L);
        assertThat(array.stop()).isEqualTo(Paginator.Stop.END);

        Paginator.Result<Long> gone =
                walk(Paginator.Dialect.OFFICIAL, Map.of("/l", "{\"collection\":[6],\"next_href\":\"/l?p=2\"}"), 10);
        assertThat(gone.items()).containsExactly(6L);
        assertThat(gone.stop()).isEqualTo(Paginator.Stop.NOT_FOUND);
        assertThat(walk(Paginator.Dialect.OFFICIAL, Map.of(), 10).items()).isEmpty();
    }

    @Test
    void apiV2RefusesABareArrayAndReportsA404() {
        assertThatThrownBy(() -> walk(Paginator.Dialect.API_V2, Map.of("/l", "[4,5]"), 10))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not a page (no collection array)");
        assertThatThrownBy(() -> walk(Paginator.Dialect.API_V2, Map.of(), 10))
                .isInstanceOfSatisfying(
                        SourceException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aRepeatedCursorStopsTheWalk() throws SourceException {
        Paginator.Result<Long> result = walk(
                Paginator.Dialect.API_V2,
                Map.of(
                        "/l", "{\"collection\":[1],\"next_href\":\"/l?p=2\"}",
                        "/l?p=2", "{\"collection\":[2],\"next_href\":\"/l\"}"),
                10);
        assertThat(result.items()).containsExactly(1L, 2L);
        assertThat(result.stop()).isEqualTo(Paginator.Stop.REPEATED_CURSOR);
    }
}
