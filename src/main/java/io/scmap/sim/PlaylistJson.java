package io.scmap.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes playlists in the api-v2 shape of liked playlists (user_likes_playlists_page.json). */
final class PlaylistJson {
    private static final int LISTED_TRACKS = 5;

    private PlaylistJson() {}

    /**
     * A playlist with its embedded owner. With {@code withTracks} (stream items) it also lists up to five
     * minimal tracks: the owner's own when it has any, else tracks picked by hash from the whole world.
     */
    static void write(JsonRenderer r, World w, JsonGenerator g, int p, boolean withTracks) throws IOException {
        long id = w.playlistId[p];
        int owner = w.playlistOwner[p];
        String created = Times.iso(w.playlistCreated[p]);
        long h = r.hash(id, 30);
        boolean album = w.isArtist(owner) && Mix.below(h, 3) == 0;
        int count = w.playlistTrackCount[p];
        g.writeStartObject();
        g.writeStringField("artwork_url", "https://i1.sndcdn.com/artworks-" + r.token(id, 31, 16) + "-large.jpg");
        g.writeStringField("created_at", created);
        g.writeNumberField("duration", 180_000L * count + Mix.below(h >>> 8, 60_000));
        g.writeNumberField("id", id);
        g.writeStringField("kind", "playlist");
        g.writeStringField("last_modified", created);
        g.writeNumberField("likes_count", w.followers[owner] / 40 + Mix.below(h >>> 16, 50));
        g.writeBooleanField("managed_by_feeds", false);
        g.writeStringField("permalink", w.playlistPermalink[p]);
        g.writeStringField(
                "permalink_url", "https://soundcloud.com/" + w.permalink[owner] + "/sets/" + w.playlistPermalink[p]);
        g.writeBooleanField("public", true);
        g.writeNumberField("reposts_count", w.followers[owner] / 400);
        g.writeNullField("secret_token");
        g.writeStringField("sharing", "public");
        g.writeStringField("title", w.playlistTitle[p]);
        g.writeNumberField("track_count", count);
        g.writeStringField("uri", "https://api.soundcloud.com/playlists/soundcloud%3Aplaylists%3A" + id);
        g.writeNumberField("user_id", w.userId[owner]);
        g.writeStringField("set_type", album ? "album" : "");
        g.writeBooleanField("is_album", album);
        g.writeStringField("published_at", created);
        g.writeNullField("release_date");
        g.writeStringField("display_date", created);
        g.writeFieldName("user");
        r.miniUser(g, owner);
        if (withTracks) {
            g.writeArrayFieldStart("tracks");
            listTracks(r, w, g, p, h);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void listTracks(JsonRenderer r, World w, JsonGenerator g, int p, long h) throws IOException {
        int owner = w.playlistOwner[p];
        int own = w.tracksOf(owner);
        int listed = Math.min(LISTED_TRACKS, w.playlistTrackCount[p]);
        for (int i = 0; i < listed && w.trackCount() > 0; i++) {
            long pick = Mix.mix(h + i);
            int t = own > 0 ? w.trackStart[owner] + Mix.below(pick, own) : Mix.below(pick, w.trackCount());
            TrackJson.writeMini(r, w, g, t);
        }
    }
}
