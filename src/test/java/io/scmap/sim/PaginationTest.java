package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private static final SimParams PARAMS =
            SimParams.DEFAULTS.withArtists(300).withScenes(6).withSeed(5);
    private static SimulatedSoundCloud sim;
    private static SimHttp http;
    private static World world;

    @BeforeAll
    static void start() throws IOException {
        sim = SimulatedSoundCloud.start(PARAMS, 0);
        http = new SimHttp(sim);
        world = World.generate(PARAMS);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Follows next_href (re-appending the client id) from the first page; returns every page. */
    static List<JsonNode> walk(String firstPathAndQuery) {
        return walk(http, sim, firstPathAndQuery);
    }

    /** Every item of a paged list of {@code sim}. */
    static List<JsonNode> itemsOf(SimHttp http, SimulatedSoundCloud sim, String firstPathAndQuery) {
        return items(walk(http, sim, firstPathAndQuery));
    }

    static List<JsonNode> walk(SimHttp http, SimulatedSoundCloud sim, String firstPathAndQuery) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = http.json(firstPathAndQuery);
        pages.add(page);
        while (!page.get("next_href").isNull()) {
            String next = page.get("next_href").asText();
            assertThat(next).startsWith(sim.baseUrl().toString()).doesNotContain("client_id");
            HttpResponse<String> response = http.getUrl(http.withClientId(next));
            assertThat(response.statusCode()).isEqualTo(200);
            page = SimHttp.parse(response.body());
            pages.add(page);
            assertThat(pages).hasSizeLessThan(1000);
        }
        return pages;
    }

    static List<JsonNode> items(List<JsonNode> pages) {
        List<JsonNode> items = new ArrayList<>();
        pages.forEach(page -> page.get("collection").forEach(items::add));
        return items;
    }

    private static int artistWithMost(ToIntFunction<Integer> count, boolean emptyPage) {
        int best = -1;
        for (int u = 0; u < world.artistCount; u++) {
            boolean eligible = !world.deleted[u] && world.emptyPage[u] == emptyPage;
            if (eligible && (best < 0 || count.applyAsInt(u) > count.applyAsInt(best))) {
                best = u;
            }
        }
        return best;
    }

    @Test
    void walkingNextHrefYieldsEveryLikeOnceNewestFirst() {
        int u = artistWithMost(v -> world.activity(v).likes.length, false);
        List<JsonNode> pages = walk("/users/" + world.userId[u] + "/likes?limit=50&linked_partitioning=1");
        List<JsonNode> likes = items(pages);
        assertThat(pages).hasSize((likes.size() + 49) / 50);
        assertThat(likes).hasSize(world.activity(u).likes.length);
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
        int u = artistWithMost(v -> world.activity(v).followings.length, false);
        long id = world.userId[u];
        Activity a = world.activity(u);
        assertThat(items(walk("/users/" + id + "/followings?limit=37"))).hasSize(a.followings.length);
        assertThat(items(walk("/users/" + id + "/comments?limit=37"))).hasSize(a.comments.length);
        assertThat(items(walk("/stream/users/" + id + "/reposts?limit=37"))).hasSize(a.reposts.length);
        List<JsonNode> tracks = items(walk("/users/" + id + "/tracks?limit=7"));
        assertThat(tracks).hasSize(world.tracksOf(u));
        assertThat(tracks.stream().map(t -> t.get("id").asLong()).distinct()).hasSize(world.tracksOf(u));
    }

    @Test
    void flaggedUsersGetOneEmptyPageWithANextHref() {
        int u = artistWithMost(v -> world.activity(v).likes.length, true);
        assertThat(world.activity(u).likes.length).isGreaterThan(20);
        List<JsonNode> pages = walk("/users/" + world.userId[u] + "/likes?limit=20");
        assertThat(pages.get(1).get("collection")).isEmpty();
        assertThat(pages.get(1).get("next_href").isNull()).isFalse();
        assertThat(pages.stream().filter(p -> p.get("collection").isEmpty())).hasSize(1);
        assertThat(items(pages)).hasSize(world.activity(u).likes.length);
    }

    @Test
    void flaggedUserWhoseListFitsOnePageEndsWithAnEmptyPage() {
        int u = artistWithMost(v -> -world.tracksOf(v) - (world.tracksOf(v) == 0 ? 1000 : 0), true);
        List<JsonNode> pages = walk("/users/" + world.userId[u] + "/tracks?limit=200");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).get("collection")).hasSize(world.tracksOf(u));
        assertThat(pages.get(1).get("collection")).isEmpty();
        assertThat(pages.get(1).get("next_href").isNull()).isTrue();
    }

    @Test
    void limitDefaultsToTwentyAndIsClampedTo200() {
        int u = artistWithMost(v -> world.activity(v).likes.length, false);
        long id = world.userId[u];
        assertThat(world.activity(u).likes.length).isGreaterThan(200);
        assertThat(http.json("/users/" + id + "/likes").get("collection")).hasSize(20);
        JsonNode clamped = http.json("/users/" + id + "/likes?limit=5000&linked_partitioning=1");
        assertThat(clamped.get("collection")).hasSize(200);
        assertThat(clamped.get("next_href").asText()).endsWith("&limit=200");
        assertThat(http.json("/users/" + id + "/likes?limit=0").get("collection"))
                .hasSize(1);
    }

    @Test
    void foreignOrGarbledCursorIsRejected() {
        int u = artistWithMost(v -> world.activity(v).likes.length, false);
        String next = http.json("/users/" + world.userId[u] + "/likes?limit=5")
                .get("next_href")
                .asText();
        int other = artistWithMost(v -> v == u ? -1 : world.activity(v).likes.length, false);
        String foreign = next.replace("/users/" + world.userId[u] + "/", "/users/" + world.userId[other] + "/");
        assertThat(http.getUrl(http.withClientId(foreign)).statusCode()).isEqualTo(400);
        assertThat(http.api("/users/" + world.userId[u] + "/likes?offset=garbage")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void listenersHaveProfilesButNoTracks() {
        int listener = world.artistCount;
        while (world.emptyPage[listener]) {
            listener++;
        }
        JsonNode profile = http.json("/users/" + world.userId[listener]);
        assertThat(profile.get("track_count").asInt()).isZero();
        JsonNode tracks = http.json("/users/" + world.userId[listener] + "/tracks");
        assertThat(tracks.get("collection")).isEmpty();
        assertThat(tracks.get("next_href").isNull()).isTrue();
    }
}
