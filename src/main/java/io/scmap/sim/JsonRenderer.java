package io.scmap.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes the world's objects as api-v2 JSON, field for field in the order of the recorded fixtures:
 * users (full and embedded), tracks, playlists, and the items of the likes, comments and reposts lists.
 * Values the world does not model (artwork URLs, waveforms, authorisation tokens) are derived from hashes
 * of ids, so output is deterministic. Embedded user objects are rendered once and reused.
 */
final class JsonRenderer {
    private static final String WEB = "https://soundcloud.com/";
    private static final String API = "https://api.soundcloud.com/";

    private final World world;
    private final long seed;
    private final SerializedString[] miniUser;
    private final String[] sceneGenre;

    JsonRenderer(World world, JsonFactory factory) {
        this.world = world;
        this.seed = world.params.seed();
        this.miniUser = new SerializedString[world.userCount()];
        this.sceneGenre = world.sceneNames.stream().map(SceneNames::genre).toArray(String[]::new);
        try {
            for (int u = 0; u < miniUser.length; u++) {
                StringWriter out = new StringWriter(700);
                try (JsonGenerator g = factory.createGenerator(out)) {
                    writeMiniUser(g, u);
                }
                miniUser[u] = new SerializedString(out.toString());
                miniUser[u].asUnquotedUTF8();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render users", e);
        }
    }

    /** A user as embedded in tracks, playlists and comments; rendered once, copied as UTF-8 bytes. */
    void miniUser(JsonGenerator g, int u) throws IOException {
        g.writeRawValue(miniUser[u]);
    }

    private void writeMiniUser(JsonGenerator g, int u) throws IOException {
        long id = world.userId[u];
        g.writeStartObject();
        g.writeStringField("avatar_url", avatar(u));
        g.writeStringField("first_name", "");
        g.writeNumberField("followers_count", world.followers[u]);
        g.writeStringField("full_name", "");
        g.writeNumberField("id", id);
        g.writeStringField("kind", "user");
        g.writeStringField("last_modified", Times.iso(lastModified(u)));
        g.writeStringField("last_name", "");
        g.writeStringField("permalink", world.permalink[u]);
        g.writeStringField("permalink_url", WEB + world.permalink[u]);
        g.writeStringField("uri", API + "users/soundcloud%3Ausers%3A" + id);
        g.writeStringField("urn", "soundcloud:users:" + id);
        g.writeStringField("username", world.displayName[u]);
        g.writeBooleanField("verified", verified(u));
        nullableString(g, "city", Names.cityName(world.city[u]));
        nullableString(g, "country_code", Names.countryCode(world.city[u]));
        badges(g, u);
        g.writeStringField("station_urn", "soundcloud:system-playlists:artist-stations:" + id);
        g.writeStringField("station_permalink", "artist-stations:" + id);
        g.writeEndObject();
    }

    /** The full user object of {@code /users/{id}}, {@code /resolve} and followings lists. */
    void fullUser(JsonGenerator g, int u) throws IOException {
        long id = world.userId[u];
        g.writeStartObject();
        g.writeStringField("avatar_url", avatar(u));
        nullableString(g, "city", Names.cityName(world.city[u]));
        g.writeNumberField("comments_count", world.activity(u).comments.length);
        nullableString(g, "country_code", Names.countryCode(world.city[u]));
        g.writeStringField("created_at", Times.iso(world.userCreated[u]));
        String product = world.followers[u] > 100_000 ? "creator-pro-unlimited" : "free";
        g.writeArrayFieldStart("creator_subscriptions");
        product(g, product);
        g.writeEndArray();
        g.writeFieldName("creator_subscription");
        product(g, product);
        nullableString(g, "description", description(u));
        writeCounts(g, u);
        g.writeStringField("uri", API + "users/soundcloud%3Ausers%3A" + id);
        g.writeStringField("urn", "soundcloud:users:" + id);
        g.writeStringField("username", world.displayName[u]);
        g.writeBooleanField("verified", verified(u));
        visuals(g, u);
        badges(g, u);
        g.writeStringField("station_urn", "soundcloud:system-playlists:artist-stations:" + id);
        g.writeStringField("station_permalink", "artist-stations:" + id);
        g.writeNullField("date_of_birth");
        g.writeEndObject();
    }

    /** The full user's fields from followers_count to track_count. */
    private void writeCounts(JsonGenerator g, int u) throws IOException {
        Activity activity = world.activity(u);
        int playlistLikes = 0;
        for (long like : activity.likes) {
            playlistLikes += world.isPlaylistRef(Activity.object(like)) ? 1 : 0;
        }
        g.writeNumberField("followers_count", world.followers[u]);
        g.writeNumberField("followings_count", activity.followings.length);
        g.writeStringField("first_name", "");
        g.writeStringField("full_name", "");
        g.writeNumberField("groups_count", 0);
        g.writeNumberField("id", world.userId[u]);
        g.writeStringField("kind", "user");
        g.writeStringField("last_modified", Times.iso(lastModified(u)));
        g.writeStringField("last_name", "");
        g.writeNumberField("likes_count", activity.likes.length - playlistLikes);
        g.writeNumberField("playlist_likes_count", playlistLikes);
        g.writeStringField("permalink", world.permalink[u]);
        g.writeStringField("permalink_url", WEB + world.permalink[u]);
        g.writeNumberField("playlist_count", world.playlistsOf(u));
        g.writeNullField("reposts_count");
        g.writeNumberField("track_count", world.tracksOf(u));
    }

    private static void product(JsonGenerator g, String product) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("product");
        g.writeStringField("id", product);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void visuals(JsonGenerator g, int u) throws IOException {
        long id = world.userId[u];
        if (hash(id, 7) % 3 != 0) {
            g.writeNullField("visuals");
            return;
        }
        g.writeObjectFieldStart("visuals");
        g.writeStringField("urn", "soundcloud:users:" + id);
        g.writeBooleanField("enabled", true);
        g.writeArrayFieldStart("visuals");
        g.writeStartObject();
        g.writeStringField("urn", "soundcloud:visuals:" + (100_000_000L + Math.floorMod(hash(id, 8), 900_000_000L)));
        g.writeNumberField("entry_time", 0);
        g.writeStringField("visual_url", "https://i1.sndcdn.com/visuals-" + token(id, 9, 12) + "-original.jpg");
        g.writeEndObject();
        g.writeEndArray();
        g.writeNullField("tracking");
        g.writeEndObject();
    }

    private void badges(JsonGenerator g, int u) throws IOException {
        g.writeObjectFieldStart("badges");
        g.writeBooleanField("pro", false);
        g.writeBooleanField("creator_mid_tier", false);
        g.writeBooleanField("pro_unlimited", world.followers[u] > 100_000);
        g.writeBooleanField("verified", verified(u));
        g.writeEndObject();
    }

    /** A track with its embedded owner, as in track lists, likes and reposts. */
    void track(JsonGenerator g, int t) throws IOException {
        TrackJson.write(this, world, g, t);
    }

    /** The shorter track object embedded in a comment. */
    void commentTrack(JsonGenerator g, int t) throws IOException {
        TrackJson.writeForComment(this, world, g, t);
    }

    /** A playlist with its embedded owner; with {@code withTracks}, also its first few tracks. */
    void playlist(JsonGenerator g, int p, boolean withTracks) throws IOException {
        PlaylistJson.write(this, world, g, p, withTracks);
    }

    /** A like or repost target, track or playlist, as a field named "track" or "playlist". */
    void objectField(JsonGenerator g, int ref, boolean withTracks) throws IOException {
        if (world.isPlaylistRef(ref)) {
            g.writeFieldName("playlist");
            playlist(g, world.playlistIndex(ref), withTracks);
        } else {
            g.writeFieldName("track");
            track(g, ref);
        }
    }

    String urnOf(int ref) {
        return world.isPlaylistRef(ref)
                ? "soundcloud:playlists:" + world.playlistId[world.playlistIndex(ref)]
                : "soundcloud:tracks:" + world.trackId[ref];
    }

    private @Nullable String description(int u) {
        return switch (Mix.below(hash(world.userId[u], 3), 4)) {
            case 0 -> null;
            case 1 -> "bookings: mgmt@example.invalid";
            case 2 -> "new tape out now \u2728\nfree dl on everything";
            default -> world.displayName[u] + " \u2014 \"official\" & <unofficial>";
        };
    }

    String avatar(int u) {
        long id = world.userId[u];
        return hash(id, 1) % 5 == 0
                ? "https://a1.sndcdn.com/images/default_avatar_large.png"
                : "https://i1.sndcdn.com/avatars-" + token(id, 2, 16) + "-large.jpg";
    }

    boolean verified(int u) {
        return world.followers[u] > 500_000;
    }

    /** Last profile change: after creation and the newest upload, before the end of the world. */
    long lastModified(int u) {
        long newest = world.tracksOf(u) > 0 ? world.trackCreated[world.trackStart[u]] : world.userCreated[u];
        long later = newest + Math.floorMod(hash(world.userId[u], 4), 90L * 86_400L);
        return Math.min(later, WorldGenerator.END - 1);
    }

    /** The genre of the user's scene, which all its tracks carry. */
    String genre(int u) {
        return sceneGenre[world.scene[u]];
    }

    /** A deterministic UUID-like string (8-4-4-4-12 hex digits) derived from an id. */
    String uuid(long id, long salt) {
        String hex = Long.toHexString(hash(id, salt) | Long.MIN_VALUE)
                + Long.toHexString(hash(id, salt + 1) | Long.MIN_VALUE);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /** A deterministic hash of an id and a salt, mixed with the world's seed. */
    long hash(long id, long salt) {
        return Mix.hash(seed, id, salt);
    }

    /** {@code length} deterministic letters and digits derived from an id. */
    String token(long id, long salt, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        char[] out = new char[length];
        long h = hash(id, salt);
        for (int i = 0; i < length; i++) {
            h = Mix.mix(h + i);
            out[i] = alphabet.charAt(Mix.below(h, alphabet.length()));
        }
        return new String(out);
    }

    static void nullableString(JsonGenerator g, String name, @Nullable String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
