package io.scmap.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns official-API JSON objects into {@link Account}s, {@link Track}s and {@link Interaction}s.
 *
 * <p>The official shapes (fixtures {@code official_me.json}, {@code official_track.json}, {@code
 * official_me_followings.json}, and the OpenAPI examples) differ from api-v2 in two ways handled
 * here: newer objects may carry only a {@code urn} ({@code soundcloud:users:123}) and no numeric
 * {@code id}, and like lists hold the liked track or playlist itself rather than a {@code {created_at,
 * track}} wrapper, so a like has no time. Lenient like {@link ResponseParser}: what cannot be read
 * yields {@code Optional.empty()}.
 */
final class OfficialParser {
    private static final Pattern URN = Pattern.compile("^soundcloud:([a-z-]+):([0-9]{1,18})$");

    private OfficialParser() {}

    /**
     * An account from a user object; the id comes from {@code id}, else from {@code urn}, and the
     * account's urn is always built from the id.
     */
    static Optional<Account> account(@Nullable JsonNode user) {
        if (user == null || !user.isObject()) {
            return Optional.empty();
        }
        return ResponseParser.account(user, id(user, "users"), null);
    }

    /** A track from a track object: id (or urn), owner (user_id, user.id or user.urn), created_at. */
    static Optional<Track> track(@Nullable JsonNode track) {
        if (track == null || !track.isObject()) {
            return Optional.empty();
        }
        String kind = ResponseParser.text(track.get("kind"));
        Long id = id(track, "tracks");
        Long owner = ResponseParser.id(track.get("user_id"));
        if (owner == null) {
            owner = id(track.get("user"), "users");
        }
        Instant createdAt = ResponseParser.instant(track.get("created_at"));
        if ((kind != null && !kind.equals("track")) || id == null || owner == null || createdAt == null) {
            return Optional.empty();
        }
        return Optional.of(new Track(id, owner, createdAt));
    }

    /**
     * A like from an item of {@code /users/{id}/likes/tracks} or {@code .../likes/playlists}: the
     * liked object (or a {@code {created_at, track|playlist}} wrapper); the target is its {@code
     * user}. Without a wrapper the time of the like is unknown ({@code at} null).
     */
    static Optional<Interaction> like(JsonNode item) {
        JsonNode object = item;
        Instant at = null;
        if (item.hasNonNull("track") || item.hasNonNull("playlist")) {
            object = item.hasNonNull("track") ? item.get("track") : item.get("playlist");
            at = ResponseParser.instant(item.get("created_at"));
        }
        Optional<Account> owner = account(object.get("user"));
        String urn = objectUrn(object);
        if (owner.isEmpty() || urn == null) {
            return Optional.empty();
        }
        return Optional.of(new Interaction(InteractionType.LIKE, owner.get(), urn, at));
    }

    /** A following from a user object of {@code /users/{id}/followings}; its time is unknown. */
    static Optional<Interaction> follow(JsonNode item) {
        return account(item).map(user -> new Interaction(InteractionType.FOLLOW, user, user.urn(), null));
    }

    /** The urn of a track or playlist, else one built from its kind and id. */
    private static @Nullable String objectUrn(JsonNode object) {
        String urn = ResponseParser.text(object.get("urn"));
        return urn != null && URN.matcher(urn).matches() ? urn : ResponseParser.builtUrn(object);
    }

    /** The numeric id of an object: {@code id}, else the number in a {@code soundcloud:<kind>:<n>} urn. */
    static @Nullable Long id(@Nullable JsonNode object, String kind) {
        if (object == null || !object.isObject()) {
            return null;
        }
        Long id = ResponseParser.id(object.get("id"));
        if (id != null) {
            return id;
        }
        String urn = ResponseParser.text(object.get("urn"));
        Matcher matcher = urn == null ? null : URN.matcher(urn);
        if (matcher == null || !matcher.matches() || !matcher.group(1).equals(kind)) {
            return null;
        }
        long value = Long.parseLong(matcher.group(2));
        return value > 0 ? value : null;
    }
}
