package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator's JSON has the field structure of the recorded api-v2 responses in
 * {@code ../shared/fixtures/soundcloud}: every recorded key is present with a compatible type, recursively.
 */
class FixtureContractTest {
    private static final SimParams PARAMS =
            SimParams.DEFAULTS.withArtists(300).withScenes(6).withSeed(21);
    /** The keys of the track embedded in a comment (soundcloud.py CommentTrack). */
    private static final Set<String> COMMENT_TRACK_KEYS = Set.of(
            "artwork_url",
            "caption",
            "id",
            "kind",
            "last_modified",
            "permalink",
            "permalink_url",
            "public",
            "secret_token",
            "sharing",
            "title",
            "uri",
            "urn",
            "user_id",
            "full_duration",
            "duration",
            "display_date",
            "media",
            "station_urn",
            "station_permalink",
            "track_authorization",
            "monetization_model",
            "policy",
            "user");

    private static final Pattern HYDRATION = Pattern.compile("window\\.__sc_hydration = (\\[.*?\\]);</script>");
    private static final Pattern SCRIPT_SRC =
            Pattern.compile("<script crossorigin src=\"([^\"]+/assets/[^\"]+\\.js)\"");
    private static final Pattern CONFIG_ID =
            Pattern.compile("client_id:\"([A-Za-z0-9]{32})\",client_is_expiring:!1,[^}]*google_client_id:\"");

    private static Path fixtures;

    @RegisterExtension
    static final ServedWorld served = new ServedWorld(PARAMS);

    @BeforeAll
    static void start() throws IOException {
        fixtures = Path.of(System.getProperty("scmap.shared", "../shared"), "fixtures", "soundcloud");
        Assumptions.assumeTrue(
                Files.isDirectory(fixtures),
                "recorded fixtures " + fixtures + " absent: skipping the fixture contract");
    }

    private static JsonNode fixture(String name) throws IOException {
        return SimHttp.parse(Files.readString(fixtures.resolve(name), StandardCharsets.UTF_8));
    }

    /** The page without its items: compares only the page-level keys. */
    private static JsonNode pageOnly(JsonNode page) {
        ObjectNode copy = page.deepCopy();
        copy.putArray("collection");
        return copy;
    }

    private static void assertShape(JsonNode recorded, JsonNode simulated, String what) {
        assertThat(JsonShape.mismatches(recorded, simulated)).as(what).isEmpty();
    }

    private static boolean hasBothKinds(long[] items) {
        boolean track = false;
        boolean playlist = false;
        for (long item : items) {
            boolean isPlaylist = served.world.isPlaylistRef(Activity.object(item));
            track |= !isPlaylist;
            playlist |= isPlaylist;
        }
        return track && playlist;
    }

    private static JsonNode firstWith(List<JsonNode> items, String field) {
        return items.stream().filter(item -> item.has(field)).findFirst().orElseThrow();
    }

    @Test
    void profileAndResolveMatchTheRecordedUser() throws IOException {
        int u = served.artist(v -> served.world.tracksOf(v) > 0);
        JsonNode profile = served.http.json("/users/" + served.world.userId[u]);
        JsonNode resolved = served.http.json(
                "/resolve?url=" + SimHttp.encode("https://soundcloud.com/" + served.world.permalink[u]));
        assertShape(fixture("user_profile.json"), profile, "/users/{id}");
        assertShape(fixture("resolve_user_widget.json"), profile, "/users/{id} vs widget resolve");
        assertShape(fixture("user_profile.json"), resolved, "/resolve");
    }

    @Test
    void trackPagesMatchTheRecordedPages() throws IOException {
        int u = served.artist(v -> served.world.tracksOf(v) > 3 && !served.world.emptyPage[v]);
        JsonNode first = served.http.json("/users/" + served.world.userId[u] + "/tracks?limit=2&linked_partitioning=1");
        JsonNode second = SimHttp.parse(served.http
                .getUrl(served.http.withClientId(first.get("next_href").asText()))
                .body());
        assertShape(fixture("user_tracks_page.json"), first, "/users/{id}/tracks");
        assertShape(fixture("user_tracks_page2_cursor.json"), second, "/users/{id}/tracks page 2");
        int flagged = served.artist(v -> served.world.tracksOf(v) > 3 && served.world.emptyPage[v]);
        JsonNode beforeEmpty = served.http.json("/users/" + served.world.userId[flagged] + "/tracks?limit=2");
        JsonNode empty = SimHttp.parse(served.http
                .getUrl(served.http.withClientId(beforeEmpty.get("next_href").asText()))
                .body());
        assertThat(empty.get("collection")).isEmpty();
        assertShape(fixture("user_tracks_empty_page_with_next_href.json"), empty, "empty page with next_href");
        assertThat(empty.get("next_href").isTextual()).isTrue();
    }

    @Test
    void likesMatchTheRecordedTrackAndPlaylistLikes() throws IOException {
        int u = served.artist(
                v -> served.world.activity(v).likes.length > 60 && hasBothKinds(served.world.activity(v).likes));
        JsonNode first =
                served.http.json("/users/" + served.world.userId[u] + "/likes?limit=200&linked_partitioning=1");
        List<JsonNode> items = ServedWorld.items(List.of(first));
        assertShape(pageOnly(fixture("user_likes_page.json")), first, "/users/{id}/likes page");
        assertShape(fixture("user_likes_page.json").get("collection").get(0), firstWith(items, "track"), "track like");
        assertShape(
                fixture("user_likes_playlists_page.json").get("collection").get(0),
                firstWith(items, "playlist"),
                "playlist like");
        JsonNode second = SimHttp.parse(served.http
                .getUrl(served.http.withClientId(served.http
                        .json("/users/" + served.world.userId[u] + "/likes?limit=5")
                        .get("next_href")
                        .asText()))
                .body());
        assertShape(pageOnly(fixture("user_likes_page2_cursor.json")), second, "/users/{id}/likes page 2");
        assertShape(
                fixture("user_likes_page2_cursor.json").get("collection").get(0),
                firstWith(items, "track"),
                "track like (page 2 recording)");
    }

    @Test
    void commentsMatchTheRecordedCommentShape() throws IOException {
        int u = served.artist(v -> served.world.activity(v).comments.length > 3);
        JsonNode page = served.http.json("/users/" + served.world.userId[u] + "/comments?limit=3");
        JsonNode comment = page.get("collection").get(0);
        assertShape(pageOnly(fixture("track_comments.json")), page, "/users/{id}/comments page");
        assertShape(fixture("track_comments.json").get("collection").get(0), comment, "comment");
        ObjectNode recordedTrack =
                fixture("user_tracks_page.json").get("collection").get(0).deepCopy();
        recordedTrack.retain(COMMENT_TRACK_KEYS);
        assertThat(recordedTrack.size()).isEqualTo(COMMENT_TRACK_KEYS.size());
        assertShape(recordedTrack, comment.get("track"), "comment.track");
        assertThat(comment.get("track").get("user").get("id").asLong())
                .isEqualTo(comment.get("track").get("user_id").asLong());
    }

    @Test
    void repostsCarryTheRecordedTrackPlaylistAndUserShapes() throws IOException {
        int u = served.artist(v -> hasBothKinds(served.world.activity(v).reposts));
        List<JsonNode> items = ServedWorld.items(
                List.of(served.http.json("/stream/users/" + served.world.userId[u] + "/reposts?limit=200")));
        JsonNode recordedTrack =
                fixture("user_likes_page.json").get("collection").get(0).get("track");
        JsonNode recordedPlaylist = fixture("user_likes_playlists_page.json")
                .get("collection")
                .get(0)
                .get("playlist");
        JsonNode trackRepost = firstWith(items, "track");
        JsonNode playlistRepost = firstWith(items, "playlist");
        assertThat(trackRepost.get("type").asText()).isEqualTo("track-repost");
        assertThat(playlistRepost.get("type").asText()).isEqualTo("playlist-repost");
        assertShape(recordedTrack, trackRepost.get("track"), "track-repost.track");
        assertShape(recordedPlaylist, playlistRepost.get("playlist"), "playlist-repost.playlist");
        assertShape(recordedTrack.get("user"), trackRepost.get("user"), "repost.user (the reposter)");
        assertThat(trackRepost.get("user").get("id").asLong()).isEqualTo(served.world.userId[u]);
    }

    @Test
    void followingsMatchTheRecordedFollowings() throws IOException {
        int u = served.artist(v -> served.world.activity(v).followings.length > 2);
        JsonNode page = served.http.json("/users/" + served.world.userId[u] + "/followings?limit=200");
        assertShape(fixture("user_followings.json"), page, "/users/{id}/followings");
        assertShape(fixture("user_followings_small.json"), page, "/users/{id}/followings (small)");
    }

    @Test
    void notFoundIsTheRecordedEmptyObject() throws IOException {
        String body = served.http
                .api("/resolve?url=" + SimHttp.encode("https://soundcloud.com/ithinkthatthisuserdontexist"))
                .body();
        assertThat(SimHttp.parse(body)).isEqualTo(fixture("error_404_resolve.json"));
    }

    @Test
    void homePageAndConfigAssetLookLikeTheRecordedOnes() throws IOException {
        String recorded = Files.readString(fixtures.resolve("homepage.html"), StandardCharsets.UTF_8);
        String simulated = served.http.getRaw("/").body();
        JsonNode recordedClient = apiClient(recorded);
        JsonNode simulatedClient = apiClient(simulated);
        assertShape(recordedClient, simulatedClient, "hydration apiClient");
        assertThat(simulatedClient.get("data").get("id").asText()).isEqualTo(served.sim.clientId());
        assertThat(SCRIPT_SRC.matcher(recorded).results()).isNotEmpty();
        List<String> assets =
                SCRIPT_SRC.matcher(simulated).results().map(m -> m.group(1)).toList();
        assertThat(assets).isNotEmpty();

        String recordedAsset =
                Files.readString(fixtures.resolve("app_js_client_id_excerpt.js"), StandardCharsets.UTF_8);
        assertThat(CONFIG_ID.matcher(recordedAsset).find()).isTrue();
        List<String> found = assets.stream()
                .map(src -> CONFIG_ID.matcher(served.http.getUrl(src).body()))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
        assertThat(found).containsExactly(served.sim.clientId());
    }

    private static JsonNode apiClient(String html) {
        Matcher m = HYDRATION.matcher(html);
        assertThat(m.find()).isTrue();
        for (JsonNode entry : SimHttp.parse(m.group(1))) {
            if (entry.get("hydratable").asText().equals("apiClient")) {
                return entry;
            }
        }
        throw new AssertionError("no apiClient hydration");
    }
}
