package io.scmap.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Answers the api-v2 paths from the world: {@code /resolve}, {@code /users/{id}},
 * {@code /users/{id}/tracks|likes|comments|followings} and {@code /stream/users/{id}/reposts}. Deleted and
 * unknown users answer 404 with body {@code {}}; the lists of a {@link World#privateLists private} user
 * answer 403. Thread-safe: it only reads the immutable world.
 */
final class ApiRoutes {
    private final World world;
    private final JsonFactory factory;
    private final JsonRenderer renderer;
    private final Listings listings;
    private final String base;

    ApiRoutes(World world, JsonFactory factory, String base) {
        this.world = world;
        this.factory = factory;
        this.renderer = new JsonRenderer(world, factory);
        this.listings = new Listings(world, renderer);
        this.base = base;
    }

    /** The response for an API path (raw, without query) and its decoded query parameters. */
    Response route(String path, Map<String, String> query) {
        if (path.equals("/resolve")) {
            return resolve(query.get("url"));
        }
        String[] segments = path.split("/", -1);
        if (segments.length == 3 && segments[1].equals("users")) {
            int u = liveUser(segments[2]);
            return u < 0 ? Response.notFound() : render(g -> renderer.fullUser(g, u));
        }
        if (segments.length == 4 && segments[1].equals("users")) {
            int u = liveUser(segments[2]);
            Listing listing = u < 0 ? null : listing(u, segments[3]);
            if (listing == null) {
                return Response.notFound();
            }
            return world.privateLists[u] ? forbidden() : page(u, listing, path, query);
        }
        if (segments.length == 5
                && segments[1].equals("stream")
                && segments[2].equals("users")
                && segments[4].equals("reposts")) {
            int u = liveUser(segments[3]);
            if (u < 0) {
                return Response.notFound();
            }
            return world.privateLists[u] ? forbidden() : page(u, listings.reposts(u), path, query);
        }
        return Response.notFound();
    }

    /** What api-v2 answers for the lists of a private or restricted account, whatever the client_id. */
    private static Response forbidden() {
        return Response.error(403, "Forbidden");
    }

    private @Nullable Listing listing(int u, String kind) {
        return switch (kind) {
            case "tracks" -> listings.tracks(u);
            case "likes" -> listings.likes(u);
            case "comments" -> listings.comments(u);
            case "followings" -> listings.followings(u);
            default -> null;
        };
    }

    /** Resolves {@code https://<any host>/<permalink>} to the user's full object. */
    private Response resolve(@Nullable String url) {
        if (url == null) {
            return Response.notFound();
        }
        String path;
        try {
            URI uri = URI.create(url.contains("://") ? url : "https://" + url);
            path = uri.getPath() == null ? "" : uri.getPath();
        } catch (IllegalArgumentException e) {
            return Response.notFound();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.size() != 1) {
            return Response.notFound();
        }
        int u = world.userIndexByPermalink(segments.get(0).toLowerCase(Locale.ROOT));
        return u < 0 || world.deleted[u] ? Response.notFound() : render(g -> renderer.fullUser(g, u));
    }

    /** Index of the live (not deleted) user with this numeric id, or -1. */
    private int liveUser(String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            return -1;
        }
        int u = world.userIndexById(id);
        return u < 0 || world.deleted[u] ? -1 : u;
    }

    /**
     * One page of a listing. Users flagged in {@link World#emptyPage} get an empty page with a non-null
     * {@code next_href} right after their first page, as api-v2 sometimes serves.
     */
    private Response page(int u, Listing listing, String path, Map<String, String> query) {
        long userId = world.userId[u];
        Pagination.Cursor cursor;
        try {
            cursor = Pagination.parse(query.get("offset"), userId);
        } catch (IllegalArgumentException e) {
            return Response.error(400, String.valueOf(e.getMessage()));
        }
        int limit = Pagination.limit(query.get("limit"));
        int size = listing.size();
        int from = Math.min(cursor.position(), size);
        int to = cursor.emptyPage() ? from : Math.min(size, from + limit);
        Pagination.Cursor next;
        if (cursor.emptyPage()) {
            next = from < size ? new Pagination.Cursor(from, false) : null;
        } else if (from == 0 && world.emptyPage[u]) {
            next = new Pagination.Cursor(to, true);
        } else {
            next = to < size ? new Pagination.Cursor(to, false) : null;
        }
        String nextHref = next == null ? null : nextHref(path, listing, next, userId, limit);
        return render(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("collection");
            for (int i = from; i < to; i++) {
                listing.write(g, i);
            }
            g.writeEndArray();
            JsonRenderer.nullableString(g, "next_href", nextHref);
            g.writeNullField("query_urn");
            g.writeEndObject();
        });
    }

    /** The absolute next-page URL on this server; like api-v2's, it carries no client_id. */
    private String nextHref(String path, Listing listing, Pagination.Cursor next, long userId, int limit) {
        long shown = next.position() > 0 ? listing.time(next.position() - 1) : WorldGenerator.END;
        String offset = Pagination.format(next, shown, listing.kind(), userId);
        return base + path + "?offset=" + URLEncoder.encode(offset, StandardCharsets.UTF_8) + "&limit=" + limit;
    }

    /** Something that writes one JSON value. */
    private interface JsonWriting {
        void write(JsonGenerator g) throws IOException;
    }

    private Response render(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            writing.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render JSON", e);
        }
        return Response.json(200, out.toByteArray());
    }
}
