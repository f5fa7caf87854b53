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
 * Walks a list of api-v2 or of the official API by its {@code next_href} cursors and collects up to
 * {@code max} items, newest first as served.
 *
 * <p>Stops at the first of: {@code max} items, a null or absent {@code next_href}, {@code maxPages}
 * pages, or a cursor already followed (a server bug that would otherwise loop); in the {@link
 * Dialect#OFFICIAL official dialect} also at a 404 or a bare-array page. Empty pages that still carry
 * a cursor are followed: api-v2 serves them. Cursors move onto the configured base ({@link
 * ApiUris#onApiBase}) and lose any client_id; the page source adds the current one. Costs one request
 * per page, plus the source's retries.
 */
final class Paginator {

    /** Fetches one page (adding client_id); null when the server answers 404. */
    @FunctionalInterface
    interface PageSource {
        @Nullable
        JsonNode get(URI uri) throws SourceException;
    }

    /** How an API shapes its lists. */
    enum Dialect {
        /** api-v2: every page is an object with a {@code collection}; a 404 is an error. */
        API_V2,
        /**
         * The official API: a page may also be a bare array (its older answers), which ends the list;
         * a 404 ends the list with what was collected so far.
         */
        OFFICIAL
    }

    /** Why the walk ended. */
    enum Stop {
        END,
        MAX_ITEMS,
        MAX_PAGES,
        REPEATED_CURSOR,
        /** A page answered 404 ({@link Dialect#OFFICIAL} only; api-v2 throws). */
        NOT_FOUND
    }

    /** The collected items, the items that could not be parsed, the pages fetched, and why it stopped. */
    record Result<T>(List<T> items, int skipped, int pages, Stop stop) {}

    private final URI apiBase;
    private final int maxPages;
    private final PageSource source;
    private final Dialect dialect;

    Paginator(URI apiBase, int maxPages, PageSource source, Dialect dialect) {
        this.apiBase = apiBase;
        this.maxPages = maxPages;
        this.source = source;
        this.dialect = dialect;
    }

    /**
     * Collects up to {@code max} parsed items starting at {@code first}; none, without a request, when
     * {@code max} is 0.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     * @throws SourceException when a page fails for good, is not a page, or (api-v2) answers 404
     */
    <T> Result<T> collect(URI first, int max, Function<JsonNode, Optional<T>> parser) throws SourceException {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
        List<T> items = new ArrayList<>();
        Set<URI> followed = new HashSet<>();
        URI next = ApiUris.withoutClientId(first);
        int skipped = 0;
        int pages = 0;
        while (items.size() < max && pages < maxPages) {
            followed.add(next);
            JsonNode page = source.get(next);
            if (page == null) {
                if (dialect == Dialect.OFFICIAL) {
                    return new Result<>(items, skipped, pages, Stop.NOT_FOUND);
                }
                throw new SourceException("not found: " + next, 404, next, null);
            }
            JsonNode collection = collection(page, next);
            pages++;
            skipped += parseInto(collection, max, parser, items);
            URI cursor = page.isArray() ? null : cursor(page.get("next_href"), next);
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

    /** The page's {@code collection} array (the page itself where the dialect allows a bare array). */
    private JsonNode collection(JsonNode page, URI uri) throws SourceException {
        JsonNode collection = page.isArray() && dialect == Dialect.OFFICIAL ? page : page.get("collection");
        if (collection == null || !collection.isArray()) {
            throw new SourceException("not a page (no collection array): " + uri, 200, uri, null);
        }
        return collection;
    }

    /** Parses the items into {@code items} until it holds {@code max}; returns how many failed. */
    private static <T> int parseInto(
            JsonNode collection, int max, Function<JsonNode, Optional<T>> parser, List<T> items) {
        int skipped = 0;
        for (JsonNode item : collection) {
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
