package io.scmap.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds request URIs of api-v2 and of the official API: endpoints under the configured base,
 * resolve requests, the client_id parameter, and {@code next_href} cursors moved onto the configured
 * base. Works on the raw (encoded) text so that
 * cursor values such as {@code offset=2024-11-01T04%3A00%3A00.000Z%2Ctracks%2C...} pass unchanged.
 */
final class ApiUris {
    private static final String CLIENT_ID = "client_id";
    private static final String CANONICAL_WEB = "https://soundcloud.com/";
    private static final Pattern SITE_URL =
            Pattern.compile("^https?://(?:www\\.|m\\.)?soundcloud\\.com(?=/|$)", Pattern.CASE_INSENSITIVE);

    private ApiUris() {}

    /** {@code apiBase/path?k=v&...} with keys and values form-encoded, in map order. */
    static URI endpoint(URI apiBase, String path, Map<String, String> params) {
        StringBuilder uri = new StringBuilder(base(apiBase)).append('/').append(path);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            uri.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /**
     * {@code apiBase/resolve?url=https://soundcloud.com/<permalink>}, for a permalink or a full
     * soundcloud.com URL (query, fragment and surrounding slashes dropped).
     *
     * @throws IllegalArgumentException if nothing is left of the permalink
     */
    static URI resolve(URI apiBase, String permalink) {
        String name = SITE_URL.matcher(
                        Objects.requireNonNull(permalink, "permalink").strip())
                .replaceFirst("")
                .replaceAll("[?#].*$", "")
                .replaceAll("^/+|/+$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("permalink must not be blank, got '" + permalink + "'");
        }
        return endpoint(apiBase, "resolve", Map.of("url", CANONICAL_WEB + name));
    }

    /**
     * Checks a SoundCloud user id for a path.
     *
     * @throws IllegalArgumentException unless {@code userId} is positive
     */
    static long requireUserId(long userId) {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be > 0, got " + userId);
        }
        return userId;
    }

    /** {@code uri} with every {@code client_id} parameter replaced by one carrying {@code clientId}, last. */
    static URI withClientId(URI uri, String clientId) {
        String plain = withoutClientId(uri).toString();
        return URI.create(plain + (plain.indexOf('?') < 0 ? '?' : '&') + CLIENT_ID + '=' + encode(clientId));
    }

    /** {@code uri} without its {@code client_id} parameters and fragment; other parameters kept in order. */
    static URI withoutClientId(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        int question = text.indexOf('?');
        if (question < 0) {
            return URI.create(text);
        }
        List<String> kept = new ArrayList<>();
        for (String param : text.substring(question + 1).split("&", -1)) {
            if (!param.isEmpty() && !param.equals(CLIENT_ID) && !param.startsWith(CLIENT_ID + "=")) {
                kept.add(param);
            }
        }
        String path = text.substring(0, question);
        return URI.create(kept.isEmpty() ? path : path + '?' + String.join("&", kept));
    }

    /**
     * A {@code next_href} as a request on the configured base: kept when it already lies under
     * {@code apiBase}; otherwise its path and query are moved onto {@code apiBase}. This keeps every
     * request (and the client_id) on the configured host, whatever host the cursor names.
     *
     * @throws IllegalArgumentException when {@code nextHref} is not a URI
     */
    static URI onApiBase(String nextHref, URI apiBase) {
        URI next = URI.create(nextHref.strip());
        String base = base(apiBase);
        String text = next.toString();
        if (next.isAbsolute() && (text.equals(base) || text.startsWith(base + "/") || text.startsWith(base + "?"))) {
            return next;
        }
        String path = next.getRawPath() == null ? "" : next.getRawPath();
        String query = next.getRawQuery();
        return URI.create(base + (path.startsWith("/") ? "" : "/") + path + (query == null ? "" : "?" + query));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base(URI apiBase) {
        String text = apiBase.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
