package io.scmap.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns api-v2 JSON objects into {@link Account}s, {@link Track}s and {@link Interaction}s.
 *
 * <p>Lenient by design: an object that lacks what a record needs yields {@code Optional.empty()}
 * (the caller counts it as skipped) rather than an exception, because one deleted track in a page of
 * likes must not lose the page. Shapes follow the recorded fixtures (SOURCES.md, sections A and F).
 */
final class ResponseParser {
    /** The pre-2013 API time format, still seen in old objects: {@code 2012/03/04 05:06:07 +0000}. */
    private static final DateTimeFormatter LEGACY_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss Z");

    private ResponseParser() {}

    /**
     * An account from a user object: id, urn (else {@code soundcloud:users:<id>}), permalink,
     * username (else the permalink), followers_count and track_count (-1 when absent or null). Empty
     * without a numeric id or a permalink.
     */
    static Optional<Account> account(@Nullable JsonNode user) {
        if (user == null || !user.isObject()) {
            return Optional.empty();
        }
        return account(user, id(user.get("id")), text(user.get("urn")));
    }

    /**
     * An account from a user object whose id and urn the caller has read (the official API reads
     * them differently): urn else {@code soundcloud:users:<id>}, permalink, username (else the
     * permalink), followers_count and track_count (-1 when absent or null). Empty without an id or a
     * permalink.
     */
    static Optional<Account> account(JsonNode user, @Nullable Long id, @Nullable String urn) {
        String permalink = text(user.get("permalink"));
        if (id == null || permalink == null) {
            return Optional.empty();
        }
        String username = text(user.get("username"));
        long followers = count(user.get("followers_count"));
        long tracks = count(user.get("track_count"));
        return Optional.of(new Account(
                id,
                urn == null ? "soundcloud:users:" + id : urn,
                permalink,
                username == null ? permalink : username,
                followers,
                (int) Math.min(tracks, Integer.MAX_VALUE)));
    }

    /**
     * The account an answer that should be a user holds: empty for no answer (404) or an object of
     * another kind.
     *
     * @throws SourceException naming {@code uri} for a user object without id or permalink
     */
    static Optional<Account> user(
            @Nullable JsonNode node, Function<JsonNode, Optional<Account>> parser, URI uri, int status)
            throws SourceException {
        if (node == null || !isUserOrUnknown(node)) {
            return Optional.empty();
        }
        Optional<Account> account = parser.apply(node);
        if (account.isEmpty()) {
            throw new SourceException("user object without id or permalink from " + uri, status, uri, null);
        }
        return account;
    }

    /** Whether an object says it is a user, or says nothing about its kind. */
    static boolean isUserOrUnknown(JsonNode node) {
        String kind = text(node.get("kind"));
        return kind == null || kind.equals("user");
    }

    /** A track from a track object: id, user_id (else user.id), created_at; empty if one is missing. */
    static Optional<Track> track(@Nullable JsonNode track) {
        if (track == null || !track.isObject()) {
            return Optional.empty();
        }
        String kind = text(track.get("kind"));
        Long id = id(track.get("id"));
        Long owner = id(track.get("user_id"));
        if (owner == null && track.get("user") != null) {
            owner = id(track.get("user").get("id"));
        }
        Instant createdAt = instant(track.get("created_at"));
        if ((kind != null && !kind.equals("track")) || id == null || owner == null || createdAt == null) {
            return Optional.empty();
        }
        return Optional.of(new Track(id, owner, createdAt));
    }

    /** One interaction from one collection item of the endpoint for {@code type}; empty if undeterminable. */
    static Optional<Interaction> interaction(InteractionType type, JsonNode item) {
        return switch (type) {
            case LIKE -> like(item);
            case COMMENT -> comment(item);
            case REPOST -> repost(item);
            case FOLLOW -> follow(item);
        };
    }

    /** A like item {@code {created_at, kind:"like", track|playlist}}; the target owns the liked object. */
    private static Optional<Interaction> like(JsonNode item) {
        JsonNode object = item.hasNonNull("track") ? item.get("track") : item.get("playlist");
        return owned(InteractionType.LIKE, object, instant(item.get("created_at")));
    }

    /**
     * A comment as listed by {@code /users/{id}/comments}: the comment object plus {@code track},
     * whose {@code user} is the track owner (the comment's own {@code user} is the commenter). The
     * URN is {@code urn}, else {@code self.urn}, else built from the id.
     */
    private static Optional<Interaction> comment(JsonNode item) {
        JsonNode track = item.get("track");
        Optional<Account> owner = account(track == null ? null : track.get("user"));
        String urn = text(item.get("urn"));
        if (urn == null && item.get("self") != null) {
            urn = text(item.get("self").get("urn"));
        }
        Long id = id(item.get("id"));
        if (urn == null && id != null) {
            urn = "soundcloud:comments:" + id;
        }
        if (owner.isEmpty() || urn == null) {
            return Optional.empty();
        }
        return Optional.of(new Interaction(InteractionType.COMMENT, owner.get(), urn, instant(item.get("created_at"))));
    }

    /**
     * A stream item of {@code /stream/users/{id}/reposts}: {@code type} {@code track-repost} or
     * {@code playlist-repost} with {@code track} or {@code playlist}; its {@code user} is the
     * reposter, so the target is the object's own {@code user}. Other types are not reposts.
     */
    private static Optional<Interaction> repost(JsonNode item) {
        String type = text(item.get("type"));
        JsonNode object;
        if ("track-repost".equals(type)) {
            object = item.get("track");
        } else if ("playlist-repost".equals(type)) {
            object = item.get("playlist");
        } else if (type == null) {
            object = item.hasNonNull("track") ? item.get("track") : item.get("playlist");
        } else {
            return Optional.empty();
        }
        return owned(InteractionType.REPOST, object, instant(item.get("created_at")));
    }

    /**
     * A followed user. A bare user object carries no time of the following (its {@code created_at}
     * is when the account was made), so {@code at} is null; a wrapper {@code {created_at, user}}
     * gives both.
     */
    private static Optional<Interaction> follow(JsonNode item) {
        boolean wrapped = item.hasNonNull("user") && !item.hasNonNull("permalink");
        Optional<Account> followed = account(wrapped ? item.get("user") : item);
        Instant at = wrapped ? instant(item.get("created_at")) : null;
        return followed.map(account -> new Interaction(InteractionType.FOLLOW, account, account.urn(), at));
    }

    /** An interaction with a track or playlist whose {@code user} is the target. */
    private static Optional<Interaction> owned(InteractionType type, @Nullable JsonNode object, @Nullable Instant at) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        Optional<Account> owner = account(object.get("user"));
        String urn = objectUrn(object);
        if (owner.isEmpty() || urn == null) {
            return Optional.empty();
        }
        return Optional.of(new Interaction(type, owner.get(), urn, at));
    }

    /** The object's {@code urn}, else {@code soundcloud:tracks:<id>} / {@code soundcloud:playlists:<id>}. */
    private static @Nullable String objectUrn(JsonNode object) {
        String urn = text(object.get("urn"));
        return urn != null ? urn : builtUrn(object);
    }

    /**
     * {@code soundcloud:tracks:<id>} or {@code soundcloud:playlists:<id>} from an object's {@code kind}
     * and {@code id}; null for another kind or without both.
     */
    static @Nullable String builtUrn(JsonNode object) {
        Long id = id(object.get("id"));
        String kind = text(object.get("kind"));
        if (id == null || kind == null) {
            return null;
        }
        return switch (kind) {
            case "track" -> "soundcloud:tracks:" + id;
            case "playlist", "system-playlist" -> "soundcloud:playlists:" + id;
            default -> null;
        };
    }

    /** An ISO-8601 or legacy API time; null when absent or unreadable. */
    static @Nullable Instant instant(@Nullable JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text, LEGACY_TIME).toInstant();
            } catch (DateTimeParseException legacy) {
                return null;
            }
        }
    }

    /** A non-blank string value, else null. */
    static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    /** A positive id from a JSON integer or a string of digits; null otherwise. */
    static @Nullable Long id(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue() > 0 ? node.longValue() : null;
        }
        if (node.isTextual() && node.asText().matches("[0-9]{1,18}")) {
            long value = Long.parseLong(node.asText());
            return value > 0 ? value : null;
        }
        return null;
    }

    /** A non-negative count, or -1 when absent, null or not a number. */
    static long count(@Nullable JsonNode node) {
        if (node == null || !node.isNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            return -1;
        }
        return node.longValue();
    }
}
