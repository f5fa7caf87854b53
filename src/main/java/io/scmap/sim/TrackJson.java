package io.scmap.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Writes tracks in the api-v2 shapes: the full track of lists and the shorter one embedded in comments. */
final class TrackJson {
    private TrackJson() {}

    /** The track object of {@code /users/{id}/tracks}, likes and reposts (user_tracks_page.json). */
    static void write(JsonRenderer r, World w, JsonGenerator g, int t) throws IOException {
        String created = Times.iso(w.trackCreated[t]);
        long h = r.hash(w.trackId[t], 20);
        g.writeStartObject();
        writeUpload(r, w, g, t, created, h);
        writeRelease(r, w, g, t, created, h);
        playback(r, w, g, t);
        g.writeFieldName("user");
        r.miniUser(g, w.trackOwner[t]);
        g.writeEndObject();
    }

    /** The fields from artwork_url to public: what the upload is. */
    private static void writeUpload(JsonRenderer r, World w, JsonGenerator g, int t, String created, long h)
            throws IOException {
        long id = w.trackId[t];
        int owner = w.trackOwner[t];
        int likes = w.trackLikes[t];
        JsonRenderer.nullableString(g, "artwork_url", artwork(r, id));
        g.writeNullField("caption");
        g.writeBooleanField("commentable", true);
        g.writeNumberField("comment_count", likes / 20 + Mix.below(h, 5));
        g.writeStringField("created_at", created);
        JsonRenderer.nullableString(g, "description", Mix.below(h >>> 8, 4) == 0 ? "out now on all platforms" : null);
        g.writeBooleanField("downloadable", false);
        g.writeNumberField("download_count", 0);
        g.writeNumberField("duration", w.trackDuration[t]);
        g.writeNumberField("full_duration", w.trackDuration[t]);
        g.writeStringField("embeddable_by", "all");
        g.writeStringField("genre", r.genre(owner));
        g.writeBooleanField("has_downloads_left", false);
        g.writeNumberField("id", id);
        g.writeStringField("kind", "track");
        g.writeStringField("label_name", Mix.below(h >>> 12, 4) == 0 ? w.displayName[owner] + " Records" : "");
        g.writeStringField("last_modified", Times.iso(lastModified(w, t, h)));
        g.writeStringField("license", "all-rights-reserved");
        g.writeNumberField("likes_count", likes);
        g.writeStringField("permalink", w.trackPermalink[t]);
        g.writeStringField("permalink_url", permalinkUrl(w, t));
        g.writeNumberField("playback_count", 25L * likes + Mix.below(h >>> 16, 1000));
        g.writeBooleanField("public", true);
    }

    /** The fields from publisher_metadata to display_date: how the upload is published. */
    private static void writeRelease(JsonRenderer r, World w, JsonGenerator g, int t, String created, long h)
            throws IOException {
        long id = w.trackId[t];
        String genre = r.genre(w.trackOwner[t]);
        publisherMetadata(w, g, t, created, h);
        g.writeNullField("purchase_title");
        g.writeNullField("purchase_url");
        JsonRenderer.nullableString(
                g, "release_date", Mix.below(h >>> 20, 4) == 0 ? created.substring(0, 10) + "T00:00:00Z" : null);
        g.writeNumberField("reposts_count", w.trackLikes[t] / 30);
        g.writeNullField("secret_token");
        g.writeStringField("sharing", "public");
        g.writeStringField("state", "finished");
        g.writeBooleanField("streamable", true);
        g.writeStringField("tag_list", "\"" + genre.toLowerCase(java.util.Locale.ROOT) + "\"");
        g.writeStringField("title", w.trackTitle[t]);
        g.writeStringField("uri", "https://api.soundcloud.com/tracks/soundcloud%3Atracks%3A" + id);
        g.writeStringField("urn", "soundcloud:tracks:" + id);
        g.writeNumberField("user_id", w.userId[w.trackOwner[t]]);
        g.writeNullField("visuals");
        g.writeStringField("waveform_url", "https://wave.sndcdn.com/" + r.token(id, 22, 12) + "_m.json");
        g.writeStringField("display_date", created);
    }

    /** The track embedded in a comment of {@code /users/{id}/comments} (soundcloud.py CommentTrack). */
    static void writeForComment(JsonRenderer r, World w, JsonGenerator g, int t) throws IOException {
        long id = w.trackId[t];
        long h = r.hash(id, 20);
        g.writeStartObject();
        JsonRenderer.nullableString(g, "artwork_url", artwork(r, id));
        g.writeNullField("caption");
        g.writeNumberField("id", id);
        g.writeStringField("kind", "track");
        g.writeStringField("last_modified", Times.iso(lastModified(w, t, h)));
        g.writeStringField("permalink", w.trackPermalink[t]);
        g.writeStringField("permalink_url", permalinkUrl(w, t));
        g.writeBooleanField("public", true);
        g.writeNullField("secret_token");
        g.writeStringField("sharing", "public");
        g.writeStringField("title", w.trackTitle[t]);
        g.writeStringField("uri", "https://api.soundcloud.com/tracks/soundcloud%3Atracks%3A" + id);
        g.writeStringField("urn", "soundcloud:tracks:" + id);
        g.writeNumberField("user_id", w.userId[w.trackOwner[t]]);
        g.writeNumberField("full_duration", w.trackDuration[t]);
        g.writeNumberField("duration", w.trackDuration[t]);
        g.writeStringField("display_date", Times.iso(w.trackCreated[t]));
        playback(r, w, g, t);
        g.writeFieldName("user");
        r.miniUser(g, w.trackOwner[t]);
        g.writeEndObject();
    }

    /** The minimal track inside a playlist's track list (soundcloud.py MiniTrack). */
    static void writeMini(JsonRenderer r, World w, JsonGenerator g, int t) throws IOException {
        long id = w.trackId[t];
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("kind", "track");
        g.writeStringField("monetization_model", monetisation(r, id));
        g.writeStringField("policy", policy(r, id));
        g.writeEndObject();
    }

    /** Media, stations, authorisation and policy: the fields every track shape ends with. */
    private static void playback(JsonRenderer r, World w, JsonGenerator g, int t) throws IOException {
        long id = w.trackId[t];
        g.writeObjectFieldStart("media");
        g.writeArrayFieldStart("transcodings");
        transcoding(r, g, id, w.trackDuration[t], "aac_160k", "hls", "audio/mp4; codecs=\"mp4a.40.2\"", false);
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("station_urn", "soundcloud:system-playlists:track-stations:" + id);
        g.writeStringField("station_permalink", "track-stations:" + id);
        g.writeStringField("track_authorization", "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9." + r.token(id, 23, 24));
        g.writeStringField("monetization_model", monetisation(r, id));
        g.writeStringField("policy", policy(r, id));
    }

    private static void transcoding(
            JsonRenderer r,
            JsonGenerator g,
            long id,
            int duration,
            String preset,
            String protocol,
            String mime,
            boolean legacy)
            throws IOException {
        g.writeStartObject();
        g.writeStringField(
                "url",
                "https://api-v2.soundcloud.com/media/soundcloud:tracks:" + id + "/" + r.uuid(id, preset.length())
                        + "/stream/" + protocol);
        g.writeStringField("preset", preset);
        g.writeNumberField("duration", duration);
        g.writeBooleanField("snipped", false);
        g.writeObjectFieldStart("format");
        g.writeStringField("protocol", protocol);
        g.writeStringField("mime_type", mime);
        g.writeEndObject();
        g.writeStringField("quality", "sq");
        g.writeBooleanField("is_legacy_transcoding", legacy);
        g.writeEndObject();
    }

    /**
     * Publisher metadata: every key of a distributed release, filled in for about one track in eight
     * and left as empty strings otherwise (as for self-released uploads), which keeps pages small.
     */
    private static void publisherMetadata(World w, JsonGenerator g, int t, String created, long h) throws IOException {
        long id = w.trackId[t];
        String artist = w.displayName[w.trackOwner[t]];
        boolean distributed = Mix.below(h >>> 28, 8) == 0;
        String year = created.substring(0, 4);
        String line = distributed ? year + " " + artist : "";
        g.writeObjectFieldStart("publisher_metadata");
        g.writeNumberField("id", id);
        g.writeStringField("urn", "soundcloud:tracks:" + id);
        g.writeStringField("artist", artist);
        g.writeStringField("album_title", distributed ? w.trackTitle[t] : "");
        g.writeBooleanField("contains_music", true);
        g.writeStringField("upc_or_ean", distributed ? Long.toString(800_000_000_000L + id % 100_000_000_000L) : "");
        g.writeStringField("isrc", distributed ? "QZ" + year.substring(2) + "A" + (10_000_000 + id % 90_000_000) : "");
        g.writeBooleanField("explicit", false);
        g.writeStringField("p_line", line);
        g.writeStringField("p_line_for_display", distributed ? "\u2117 " + line : "");
        g.writeStringField("c_line", line);
        g.writeStringField("c_line_for_display", distributed ? "\u00a9 " + line : "");
        g.writeStringField("writer_composer", distributed ? artist : "");
        g.writeStringField("release_title", distributed ? w.trackTitle[t] : "");
        g.writeEndObject();
    }

    private static String permalinkUrl(World w, int t) {
        return "https://soundcloud.com/" + w.permalink[w.trackOwner[t]] + "/" + w.trackPermalink[t];
    }

    private static @Nullable String artwork(JsonRenderer r, long id) {
        return Mix.below(r.hash(id, 21), 6) == 0
                ? null
                : "https://i1.sndcdn.com/artworks-" + r.token(id, 21, 16) + "-large.jpg";
    }

    private static long lastModified(World w, int t, long h) {
        return Math.min(w.trackCreated[t] + Mix.below(h >>> 24, 400 * 86_400), WorldGenerator.END - 1);
    }

    private static String monetisation(JsonRenderer r, long id) {
        return Mix.below(r.hash(id, 25), 3) == 0 ? "AD_SUPPORTED" : "BLACKBOX";
    }

    private static String policy(JsonRenderer r, long id) {
        return Mix.below(r.hash(id, 25), 3) == 0 ? "MONETIZE" : "ALLOW";
    }
}
