package io.scmap.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks an api-v2 list by its {@code next_href} cursors and collects up to {@code max} items, newest
 * first as served.
 *
 * <p>Stops at the first of: {@code max} items, a null or absent {@code next_href}, {@code maxPages}
 * pages, or a cursor already followed (a server bug that would otherwise loop). Empty pages that
 * still carry a cursor are followed: api-v2 serves them. Cursors move onto the configured base
 * ({@link ApiUris#onApiBase}) and lose their client_id; the page source adds the current one. Costs
 * one request per page, plus the source's retries.
 */
final class Paginator {

    /** Fetches one page (adding client_id); null when the server answers 404. */
    @FunctionalInterface
    interface PageSource {
        @Nullable
        JsonNode get(URI uri) throws SourceException;
    }

    /** Why the walk ended. */
    enum Stop {
        END,
        MAX_ITEMS,
        MAX_PAGES,
        REPEATED_CURSOR
    }

    /** The collected items, the items that could not be parsed, the pages fetched, and why it stopped. */
    record Result<T>(List<T> items, int skipped, int pages, Stop stop) {}

    private final URI apiBase;
    private final int maxPages;
    private final PageSource source;

    Paginator(URI apiBase, int maxPages, PageSource source) {
        this.apiBase = apiBase;
        this.maxPages = maxPages;
        this.source = source;
    }

    /**
     * Collects up to {@code max} parsed items starting at {@code first}.
     *
     * @throws SourceException when a page fails for good, answers 404, or is not a page
     */
    <T> Result<T> collect(URI first, int max, Function<JsonNode, Optional<T>> parser) throws SourceException {
        List<T> items = new ArrayList<>();
        Set<URI> followed = new HashSet<>();
        URI next = ApiUris.withoutClientId(first);
        int skipped = 0;
        int pages = 0;
        while (items.size() < max && pages < maxPages) {
            followed.add(next);
            JsonNode page = page(source.get(next), next);
            pages++;
            skipped += parseInto(page, max, parser, items);
            URI cursor = cursor(page.get("next_href"), next);
            if (cursor == null) {
                return new Result<>(items, skipped, pages, items.size() >= max ? Stop.MAX_ITEMS : Stop.END);
            }
            if (followed.contains(cursor)) {
                return new Result<>(items, skipped, pages, Stop.REPEATED_CURSOR);
            }
            next = cursor;
        }
        return new Result<>(items, skipped, pages, items.size() >= max ? Stop.MAX_ITEMS : Stop.MAX_PAGES);
    }

    /** The page itself, checked to hold a {@code collection} array. */
    private static JsonNode page(@Nullable JsonNode page, URI uri) throws SourceException {
        if (page == null) {
            throw new SourceException("not found: " + uri, 404, uri, null);
        }
        JsonNode collection = page.get("collection");
        if (collection == null || !collection.isArray()) {
            throw new SourceException("not a page (no collection array): " + uri, 200, uri, null);
        }
        return page;
    }

    /** Parses the page's items into {@code items} until it holds {@code max}; returns how many failed. */
    private static <T> int parseInto(JsonNode page, int max, Function<JsonNode, Optional<T>> parser, List<T> items) {
        int skipped = 0;
        for (JsonNode item : page.get("collection")) {
            if (items.size() >= max) {
                break;
            }
            Optional<T> parsed = parser.apply(item);
            if (parsed.isPresent()) {
                items.add(parsed.get());
            } else {
                skipped++;
            }
        }
        return skipped;
    }

    private @Nullable URI cursor(@Nullable JsonNode nextHref, URI page) throws SourceException {
        String text = ResponseParser.text(nextHref);
        if (text == null) {
            return null;
        }
        try {
            return ApiUris.withoutClientId(ApiUris.onApiBase(text, apiBase));
        } catch (IllegalArgumentException e) {
            throw new SourceException("malformed next_href '" + text + "' on " + page, 200, page, e);
        }
    }
}
