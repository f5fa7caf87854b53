package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginationTest {
    private static final SimParams PARAMS =
            SimParams.DEFAULTS.withArtists(300).withScenes(6).withSeed(5);

    @RegisterExtension
    static final ServedWorld served = new ServedWorld(PARAMS);

    private static int artistWithMost(ToIntFunction<Integer> count, boolean emptyPage) {
        int best = -1;
        for (int u = 0; u < served.world.artistCount; u++) {
            boolean eligible = !served.world.deleted[u] && served.world.emptyPage[u] == emptyPage;
            if (eligible && (best < 0 || count.applyAsInt(u) > count.applyAsInt(best))) {
                best = u;
            }
        }
        return best;
    }

    @Test
    void walkingNextHrefYieldsEveryLikeOnceNewestFirst() {
        int u = artistWithMost(v -> served.world.activity(v).likes.length, false);
        List<JsonNode> pages =
                served.walk("/users/" + served.world.userId[u] + "/likes?limit=50&linked_partitioning=1");
        List<JsonNode> likes = ServedWorld.items(pages);
        assertThat(pages).hasSize((likes.size() + 49) / 50);
        assertThat(likes).hasSize(served.world.activity(u).likes.length);
        Set<String> objects = new HashSet<>();
        String previous = "9999";
        for (JsonNode like : likes) {
            JsonNode object = like.has("track") ? like.get("track") : like.get("playlist");
            assertThat(objects.add(
                            object.get("kind").asText() + object.get("id").asLong()))
                    .isTrue();
            String created = like.get("created_at").asText();
            assertThat(created).isLessThanOrEqualTo(previous);
            previous = created;
        }
    }

    @Test
    void everyListEndpointPagesThroughAllItems() {
        int u = artistWithMost(v -> served.world.activity(v).followings.length, false);
        long id = served.world.userId[u];
        Activity a = served.world.activity(u);
        assertThat(ServedWorld.items(served.walk("/users/" + id + "/followings?limit=37")))
                .hasSize(a.followings.length);
        assertThat(ServedWorld.items(served.walk("/users/" + id + "/comments?limit=37")))
                .hasSize(a.comments.length);
        assertThat(ServedWorld.items(served.walk("/stream/users/" + id + "/reposts?limit=37")))
                .hasSize(a.reposts.length);
        List<JsonNode> tracks = ServedWorld.items(served.walk("/users/" + id + "/tracks?limit=7"));
        assertThat(tracks).hasSize(served.world.tracksOf(u));
        assertThat(tracks.stream().map(t -> t.get("id").asLong()).distinct()).hasSize(served.world.tracksOf(u));
    }

    @Test
    void flaggedUsersGetOneEmptyPageWithANextHref() {
        int u = artistWithMost(v -> served.world.activity(v).likes.length, true);
        assertThat(served.world.activity(u).likes.length).isGreaterThan(20);
        List<JsonNode> pages = served.walk("/users/" + served.world.userId[u] + "/likes?limit=20");
        assertThat(pages.get(1).get("collection")).isEmpty();
        assertThat(pages.get(1).get("next_href").isNull()).isFalse();
        assertThat(pages.stream().filter(p -> p.get("collection").isEmpty())).hasSize(1);
        assertThat(ServedWorld.items(pages)).hasSize(served.world.activity(u).likes.length);
    }

    @Test
    void flaggedUserWhoseListFitsOnePageEndsWithAnEmptyPage() {
        int u = artistWithMost(v -> -served.world.tracksOf(v) - (served.world.tracksOf(v) == 0 ? 1000 : 0), true);
        List<JsonNode> pages = served.walk("/users/" + served.world.userId[u] + "/tracks?limit=200");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).get("collection")).hasSize(served.world.tracksOf(u));
        assertThat(pages.get(1).get("collection")).isEmpty();
        assertThat(pages.get(1).get("next_href").isNull()).isTrue();
    }

    @Test
    void limitDefaultsToTwentyAndIsClampedTo200() {
        int u = artistWithMost(v -> served.world.activity(v).likes.length, false);
        long id = served.world.userId[u];
        assertThat(served.world.activity(u).likes.length).isGreaterThan(200);
        assertThat(served.http.json("/users/" + id + "/likes").get("collection"))
                .hasSize(20);
        JsonNode clamped = served.http.json("/users/" + id + "/likes?limit=5000&linked_partitioning=1");
        assertThat(clamped.get("collection")).hasSize(200);
        assertThat(clamped.get("next_href").asText()).endsWith("&limit=200");
        assertThat(served.http.json("/users/" + id + "/likes?limit=0").get("collection"))
                .hasSize(1);
    }

    @Test
    void foreignOrGarbledCursorIsRejected() {
        int u = artistWithMost(v -> served.world.activity(v).likes.length, false);
        String next = served.http
                .json("/users/" + served.world.userId[u] + "/likes?limit=5")
                .get("next_href")
                .asText();
        int other = artistWithMost(v -> v == u ? -1 : served.world.activity(v).likes.length, false);
        String foreign =
                next.replace("/users/" + served.world.userId[u] + "/", "/users/" + served.world.userId[other] + "/");
        assertThat(served.http.getUrl(served.http.withClientId(foreign)).statusCode())
                .isEqualTo(400);
        assertThat(served.http
                        .api("/users/" + served.world.userId[u] + "/likes?offset=garbage")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void listenersHaveProfilesButNoTracks() {
        int listener = served.world.artistCount;
        while (served.world.emptyPage[listener]) {
            listener++;
        }
        JsonNode profile = served.http.json("/users/" + served.world.userId[listener]);
        assertThat(profile.get("track_count").asInt()).isZero();
        JsonNode tracks = served.http.json("/users/" + served.world.userId[listener] + "/tracks");
        assertThat(tracks.get("collection")).isEmpty();
        assertThat(tracks.get("next_href").isNull()).isTrue();
    }
}
