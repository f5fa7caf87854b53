package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Always-run checks of the API's JSON against small shapes written here (not the recorded fixtures),
 * and of its content against the generated world.
 */
class ApiShapeTest {
    private static final SimParams PARAMS =
            SimParams.DEFAULTS.withArtists(250).withScenes(5).withSeed(8);
    private static final String MINI_USER = """
            {"avatar_url":"a","first_name":"","followers_count":1,"full_name":"","id":1,"kind":"user",
             "last_modified":"a","last_name":"","permalink":"a","permalink_url":"a","uri":"a","urn":"a",
             "username":"a","verified":false,"badges":{"pro":false,"verified":false},"station_urn":"a"}""";
    private static final String FULL_USER = """
            {"avatar_url":"a","comments_count":1,"created_at":"a","followers_count":1,"followings_count":1,
             "id":1,"kind":"user","likes_count":1,"playlist_likes_count":1,"permalink":"a","permalink_url":"a",
             "playlist_count":1,"reposts_count":null,"track_count":1,"urn":"a","username":"a",
             "creator_subscription":{"product":{"id":"a"}},"badges":{"verified":false}}""";
    private static final String TRACK = """
            {"id":1,"kind":"track","urn":"a","created_at":"a","display_date":"a","title":"a","permalink":"a",
             "permalink_url":"a","user_id":1,"duration":1,"likes_count":1,"publisher_metadata":{"urn":"a"},
             "media":{"transcodings":[{"url":"a","preset":"a","format":{"protocol":"a","mime_type":"a"}}]},
             "user":%s}""".formatted(MINI_USER);
    private static final String PLAYLIST = """
            {"id":1,"kind":"playlist","created_at":"a","user_id":1,"track_count":1,"permalink_url":"a",
             "is_album":false,"user":%s}""".formatted(MINI_USER);
    private static final String PAGE = "{\"collection\":[],\"next_href\":\"a\",\"query_urn\":null}";

    @RegisterExtension
    static final ServedWorld served = new ServedWorld(PARAMS);

    private static List<JsonNode> allItems(String path) {
        return served.items(path);
    }

    private static void assertShape(String expected, JsonNode actual) {
        assertThat(JsonShape.mismatches(SimHttp.parse(expected), actual)).isEmpty();
    }

    @Test
    void profileCountsAgreeWithTheLists() {
        int u = served.artist(v -> served.world.tracksOf(v) > 0);
        Activity a = served.world.activity(u);
        JsonNode profile = served.http.json("/users/" + served.world.userId[u]);
        assertShape(FULL_USER, profile);
        assertThat(profile.get("username").asText()).isEqualTo(served.world.displayName[u]);
        assertThat(profile.get("urn").asText()).isEqualTo("soundcloud:users:" + served.world.userId[u]);
        assertThat(profile.get("track_count").asInt()).isEqualTo(served.world.tracksOf(u));
        assertThat(profile.get("followings_count").asInt()).isEqualTo(a.followings.length);
        assertThat(profile.get("comments_count").asInt()).isEqualTo(a.comments.length);
        assertThat(profile.get("likes_count").asInt()
                        + profile.get("playlist_likes_count").asInt())
                .isEqualTo(a.likes.length);
        assertThat(profile.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void hostileNamesSurviveJsonEscapingExactly() {
        for (int u = 0; u < served.world.artistCount; u++) {
            if (!served.world.deleted[u] && List.of(Names.HOSTILE).contains(served.world.displayName[u])) {
                String raw = served.http.api("/users/" + served.world.userId[u]).body();
                assertThat(SimHttp.parse(raw).get("username").asText()).isEqualTo(served.world.displayName[u]);
            }
        }
    }

    @Test
    void tracksAreTheArtistsOwnNewestFirst() {
        int u = served.artist(v -> served.world.tracksOf(v) > 5);
        List<JsonNode> tracks = allItems("/users/" + served.world.userId[u] + "/tracks?limit=4");
        assertThat(tracks).hasSize(served.world.tracksOf(u));
        for (int i = 0; i < tracks.size(); i++) {
            JsonNode track = tracks.get(i);
            assertShape(TRACK, track);
            assertThat(track.get("id").asLong()).isEqualTo(served.world.trackId[served.world.trackStart[u] + i]);
            assertThat(track.get("user").get("id").asLong()).isEqualTo(served.world.userId[u]);
            assertThat(track.get("created_at").asText())
                    .isEqualTo(Times.iso(served.world.trackCreated[served.world.trackStart[u] + i]));
        }
    }

    @Test
    void likesNameTheLikedObjectAndItsOwner() {
        int u = served.artist(v -> served.world.activity(v).likes.length > 30);
        long[] likes = served.world.activity(u).likes;
        List<JsonNode> items = allItems("/users/" + served.world.userId[u] + "/likes?limit=200");
        assertThat(items).hasSize(likes.length);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int ref = Activity.object(likes[i]);
            assertThat(item.get("kind").asText()).isEqualTo("like");
            assertThat(item.get("created_at").asText()).isEqualTo(Times.iso(Activity.time(likes[i])));
            JsonNode object = served.world.isPlaylistRef(ref) ? item.get("playlist") : item.get("track");
            assertShape(served.world.isPlaylistRef(ref) ? PLAYLIST : TRACK, object);
            assertThat(object.get("user").get("id").asLong())
                    .isEqualTo(served.world.userId[served.world.ownerOfRef(ref)]);
        }
    }

    @Test
    void commentsNameTheCommenterTheTrackAndItsOwner() {
        int u = served.artist(v -> served.world.activity(v).comments.length > 5);
        long[] comments = served.world.activity(u).comments;
        List<JsonNode> items = allItems("/users/" + served.world.userId[u] + "/comments?limit=50");
        assertThat(items).hasSize(comments.length);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode comment = items.get(i);
            int track = Activity.object(comments[i]);
            assertThat(comment.get("kind").asText()).isEqualTo("comment");
            assertShape(MINI_USER, comment.get("user"));
            assertThat(comment.get("user").get("id").asLong()).isEqualTo(served.world.userId[u]);
            assertThat(comment.get("track_id").asLong()).isEqualTo(served.world.trackId[track]);
            assertThat(comment.get("track").get("user").get("id").asLong())
                    .isEqualTo(served.world.userId[served.world.trackOwner[track]]);
            assertThat(comment.get("self").get("urn").asText()).isEqualTo("soundcloud:comments:" + comment.get("id"));
            assertThat(comment.get("timestamp").asInt()).isBetween(0, served.world.trackDuration[track]);
            ids.add(comment.get("id").asLong());
        }
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void repostsNameTheReposterTheObjectAndItsOwner() {
        int u = served.artist(v -> served.world.activity(v).reposts.length > 10);
        long[] reposts = served.world.activity(u).reposts;
        List<JsonNode> items = allItems("/stream/users/" + served.world.userId[u] + "/reposts?limit=200");
        assertThat(items).hasSize(reposts.length);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int ref = Activity.object(reposts[i]);
            boolean playlist = served.world.isPlaylistRef(ref);
            assertThat(item.get("type").asText()).isEqualTo(playlist ? "playlist-repost" : "track-repost");
            assertThat(item.get("user").get("id").asLong()).isEqualTo(served.world.userId[u]);
            assertThat(item.get("uuid").asText())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            JsonNode object = item.get(playlist ? "playlist" : "track");
            assertShape(playlist ? PLAYLIST : TRACK, object);
            assertThat(object.get("user").get("id").asLong())
                    .isEqualTo(served.world.userId[served.world.ownerOfRef(ref)]);
            assertThat(item.get("reposted").get("target_urn").asText())
                    .isEqualTo(
                            object.get("urn") == null
                                    ? "soundcloud:playlists:" + object.get("id").asLong()
                                    : object.get("urn").asText());
            assertThat(item.get("reposted").get("user_urn").asText())
                    .isEqualTo("soundcloud:users:" + served.world.userId[u]);
        }
    }

    @Test
    void followingsAreFullUsersInFollowOrder() {
        int u = served.artist(v -> served.world.activity(v).followings.length > 25);
        long[] followings = served.world.activity(u).followings;
        JsonNode page = served.http.json("/users/" + served.world.userId[u] + "/followings?limit=10");
        assertShape(PAGE, page);
        List<JsonNode> users = allItems("/users/" + served.world.userId[u] + "/followings?limit=10");
        assertThat(users).hasSize(followings.length);
        for (int i = 0; i < users.size(); i++) {
            assertShape(FULL_USER, users.get(i));
            assertThat(users.get(i).get("id").asLong()).isEqualTo(served.world.userId[Activity.object(followings[i])]);
        }
    }
}
