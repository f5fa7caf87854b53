package io.scmap.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the client_id that soundcloud.com's own web client uses, the way that client gets it.
 *
 * <p>Steps: (1) GET the home page of the web base; (2) read its {@code window.__sc_hydration = [...]}
 * array and take {@code data.id} of the entry whose {@code hydratable} is {@code apiClient}; (3)
 * failing that, fetch the page's {@code <script src>} assets from last to first (the config lives in
 * a late bundle) and search each for {@code client_id:"<32 letters or digits>"}, anchored so that
 * {@code google_client_id} and the like do not match. Every fetch counts as a request.
 */
final class ClientIdFinder {
    /** Scripts to try before giving up; the recorded home page (April 2026) has 11. */
    static final int MAX_SCRIPTS = 30;

    private static final Pattern HYDRATION = Pattern.compile("window\\.__sc_hydration\\s*=\\s*(?=\\[)");
    private static final Pattern SCRIPT_SRC = Pattern.compile(
            "<script\\b[^>]*?\\bsrc\\s*=\\s*([\"'])(.*?)\\1", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CLIENT_ID =
            Pattern.compile("(?<![\\w$.])[\"']?client_id[\"']?\\s*:\\s*\"([A-Za-z0-9]{32})\"");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** Reads one value and ignores what follows it (the rest of the page). */
    private static final ObjectMapper PREFIX_READER = new ObjectMapper();

    private final HttpFetcher fetcher;
    private final URI home;

    ClientIdFinder(HttpFetcher fetcher, URI webBase) {
        this.fetcher = fetcher;
        this.home = webBase.getRawPath() == null || webBase.getRawPath().isEmpty() ? webBase.resolve("/") : webBase;
    }

    /** Discovers the client_id, or explains why it could not. */
    String discover() throws SourceException {
        HttpFetcher.Fetched page = fetcher.text(home, HttpFetcher.ACCEPT_HTML);
        if (!page.isSuccess()) {
            throw new SourceException(
                    "cannot discover client_id: home page " + home + " answered HTTP " + page.status(),
                    page.status(),
                    home,
                    null);
        }
        Optional<String> hydrated = fromHydration(page.body());
        if (hydrated.isPresent()) {
            return hydrated.get();
        }
        List<URI> scripts = scriptUris(page.body(), home);
        int tried = 0;
        for (int i = scripts.size() - 1; i >= 0 && tried < MAX_SCRIPTS; i--, tried++) {
            Optional<String> found = fromScriptAt(scripts.get(i));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new SourceException(
                "cannot discover client_id: " + home + " has no hydration apiClient entry and none of its " + tried
                        + " scripts holds a client_id; pass one explicitly",
                0,
                home,
                null);
    }

    private Optional<String> fromScriptAt(URI script) throws SourceException {
        HttpFetcher.Fetched js;
        try {
            js = fetcher.text(script, HttpFetcher.ACCEPT_ANY);
        } catch (BlockedException e) {
            throw e;
        } catch (SourceException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return Optional.empty(); // one unreachable asset must not hide the others
        }
        return js.isSuccess() ? fromScript(js.body()) : Optional.empty();
    }

    /** {@code data.id} of the {@code apiClient} entry of the page's hydration array, if any. */
    static Optional<String> fromHydration(String html) {
        Matcher matcher = HYDRATION.matcher(html);
        while (matcher.find()) {
            try (JsonParser parser = PREFIX_READER.createParser(html.substring(matcher.end()))) {
                JsonNode entries = parser.readValueAsTree();
                if (entries == null || !entries.isArray()) {
                    continue;
                }
                for (JsonNode entry : entries) {
                    if ("apiClient".equals(ResponseParser.text(entry.get("hydratable"))) && entry.get("data") != null) {
                        String id = ResponseParser.text(entry.get("data").get("id"));
                        if (id != null && TOKEN.matcher(id).matches()) {
                            return Optional.of(id);
                        }
                    }
                }
            } catch (IOException e) {
                // not a JSON array after all; a later assignment may be
            }
        }
        return Optional.empty();
    }

    /** The first {@code client_id:"<32 alnum>"} of a script, not counting {@code google_client_id} etc. */
    static Optional<String> fromScript(String script) {
        Matcher matcher = CLIENT_ID.matcher(script);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The http(s) {@code <script src>} URLs of a page in document order, resolved against {@code page}. */
    static List<URI> scriptUris(String html, URI page) {
        List<URI> uris = new ArrayList<>();
        Matcher matcher = SCRIPT_SRC.matcher(html);
        while (matcher.find()) {
            String src = matcher.group(2).strip().replace("&amp;", "&");
            try {
                URI uri = page.resolve(src);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("http") || scheme.equals("https")) {
                    uris.add(uri);
                }
            } catch (IllegalArgumentException e) {
                // a malformed src is no script we can fetch
            }
        }
        return uris;
    }
}
