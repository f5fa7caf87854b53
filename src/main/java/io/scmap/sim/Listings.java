package io.scmap.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The paged lists of one user: tracks, likes, comments, reposts and followings, each item written in the
 * api-v2 shape of its endpoint.
 */
final class Listings {
    private static final String[] CAPTIONS = {"on repeat \uD83D\uDD01", "go listen", "<3 & <3"};

    private final World world;
    private final JsonRenderer renderer;

    Listings(World world, JsonRenderer renderer) {
        this.world = world;
        this.renderer = renderer;
    }

    Listing tracks(int u) {
        int start = world.trackStart[u];
        int size = world.tracksOf(u);
        return new Listing() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public long time(int i) {
                return world.trackCreated[start + i];
            }

            @Override
            public void write(JsonGenerator g, int i) throws IOException {
                renderer.track(g, start + i);
            }

            @Override
            public String kind() {
                return "tracks";
            }
        };
    }

    Listing likes(int u) {
        return new ActivityListing(world.activity(u).likes, "user-likes") {
            @Override
            public void write(JsonGenerator g, int i) throws IOException {
                g.writeStartObject();
                g.writeStringField("created_at", Times.iso(time(i)));
                g.writeStringField("kind", "like");
                renderer.objectField(g, Activity.object(items[i]), false);
                g.writeEndObject();
            }
        };
    }

    Listing comments(int u) {
        return new ActivityListing(world.activity(u).comments, "user-comments") {
            @Override
            public void write(JsonGenerator g, int i) throws IOException {
                writeComment(g, u, i, items);
            }
        };
    }

    Listing reposts(int u) {
        return new ActivityListing(world.activity(u).reposts, "user-reposts") {
            @Override
            public void write(JsonGenerator g, int i) throws IOException {
                writeRepost(g, u, items[i]);
            }
        };
    }

    Listing followings(int u) {
        return new ActivityListing(world.activity(u).followings, "followings") {
            @Override
            public void write(JsonGenerator g, int i) throws IOException {
                renderer.fullUser(g, Activity.object(items[i]));
            }
        };
    }

    /** Comment ids grow with time and are unique: a block of ids per artist, newest comment highest. */
    static long commentId(int u, int i, int count) {
        return 2_000_000_000L + 5_000L * u + (count - 1 - i);
    }

    private void writeComment(JsonGenerator g, int u, int i, long[] items) throws IOException {
        int track = Activity.object(items[i]);
        long id = commentId(u, i, items.length);
        long h = renderer.hash(id, 40);
        g.writeStartObject();
        g.writeStringField("kind", "comment");
        g.writeNumberField("id", id);
        g.writeStringField("body", Names.comment(Mix.below(h, Names.commentCount())));
        g.writeStringField("created_at", Times.iso(Activity.time(items[i])));
        g.writeNumberField("timestamp", Mix.below(h >>> 16, world.trackDuration[track]));
        g.writeNumberField("track_id", world.trackId[track]);
        g.writeNumberField("user_id", world.userId[u]);
        g.writeObjectFieldStart("self");
        g.writeStringField("urn", "soundcloud:comments:" + id);
        g.writeEndObject();
        g.writeFieldName("user");
        renderer.miniUser(g, u);
        g.writeFieldName("track");
        renderer.commentTrack(g, track);
        g.writeEndObject();
    }

    private void writeRepost(JsonGenerator g, int u, long item) throws IOException {
        int ref = Activity.object(item);
        long key = world.userId[u] * 31 + ref;
        long h = renderer.hash(key, 50);
        String caption = Mix.below(h, 8) == 0 ? CAPTIONS[Mix.below(h >>> 8, CAPTIONS.length)] : null;
        g.writeStartObject();
        g.writeStringField("created_at", Times.iso(Activity.time(item)));
        g.writeStringField("type", world.isPlaylistRef(ref) ? "playlist-repost" : "track-repost");
        g.writeFieldName("user");
        renderer.miniUser(g, u);
        g.writeStringField("uuid", renderer.uuid(key, 51));
        JsonRenderer.nullableString(g, "caption", caption);
        g.writeObjectFieldStart("reposted");
        g.writeStringField("target_urn", renderer.urnOf(ref));
        g.writeStringField("user_urn", "soundcloud:users:" + world.userId[u]);
        JsonRenderer.nullableString(g, "caption", caption);
        g.writeEndObject();
        renderer.objectField(g, ref, true);
        g.writeEndObject();
    }

    /** A listing over one of an artist's packed interaction arrays. */
    private abstract static class ActivityListing implements Listing {
        final long[] items;
        private final String kind;

        ActivityListing(long[] items, String kind) {
            this.items = items;
            this.kind = kind;
        }

        @Override
        public int size() {
            return items.length;
        }

        @Override
        public long time(int i) {
            return Activity.time(items[i]);
        }

        @Override
        public String kind() {
            return kind;
        }
    }
}
