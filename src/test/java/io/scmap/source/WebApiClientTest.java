package io.scmap.source;

import static io.scmap.source.TestClients.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.LoopbackServer.Reply;
import io.scmap.source.LoopbackServer.Request;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calls of the web client against a loopback server with this package's own fixtures. */
class WebApiClientTest {
    private static final String HYDRATED_ID = "OwnHydratedClientId0000000000001";

    private LoopbackServer server;
    private WebApiClient client;

    @BeforeEach
    void start() {
        server = new LoopbackServer();
        server.acceptClientId(HYDRATED_ID);
        server.page("/", request -> Reply.html(resource("home_hydration.html")));
        client = TestClients.recording(TestClients.config(server.base()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void discoversTheClientIdOnceAndSendsBrowserHeaders() throws SourceException {
        server.api("/users/7", request -> Reply.json(resource("user_7.json")));
        assertThat(client.profile(7))
                .hasValueSatisfying(a -> assertThat(a.permalink()).isEqualTo("seven"));
        assertThat(client.profile(7)).isPresent();
        assertThat(server.requestsTo("/")).hasSize(1);
        assertThat(client.requestCount()).isEqualTo(3);
        Request api = server.requestsTo("/users/7").get(0);
        assertThat(api.header("User-Agent")).contains("Chrome/").contains("Mozilla/5.0");
        assertThat(api.header("Accept")).isEqualTo("application/json, text/javascript, */*");
        assertThat(api.header("Origin")).isEqualTo(server.base().toString());
        assertThat(api.header("Referer")).isEqualTo(server.base() + "/");
    }

    @Test
    void configuredClientIdSkipsDiscovery() throws SourceException {
        server.acceptClientId("configured");
        server.api("/users/7", request -> Reply.json(resource("user_7.json")));
        try (WebApiClient configured =
                TestClients.recording(TestClients.config(server.base()).withClientId("configured"))) {
            assertThat(configured.profile(7)).isPresent();
            assertThat(configured.requestCount()).isEqualTo(1);
        }
        assertThat(server.requestsTo("/")).isEmpty();
    }

    @Test
    void resolveAsksForTheCanonicalUrlAndMapsTheUser() throws SourceException {
        server.api(
                "/resolve",
                request -> "https://soundcloud.com/seven".equals(request.param("url"))
                        ? Reply.json(resource("user_7.json"))
                        : Reply.status(404, "{}"));
        assertThat(client.resolve("seven"))
                .contains(new Account(7, "soundcloud:users:7", "seven", "Seven <b>&amp;</b> \"Sons\"", -1, -1));
        assertThat(client.resolve("/seven/")).isPresent();
        assertThat(client.resolve("https://soundcloud.com/seven?utm_source=x")).isPresent();
        assertThat(client.resolve("HTTPS://m.soundcloud.com/seven/")).isPresent();
        assertThat(client.resolve("nobody")).isEmpty();
        assertThatThrownBy(() -> client.resolve(" / ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.resolve("https://soundcloud.com/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tracksFollowCursorsThroughEmptyPagesWithTheCurrentClientId() throws SourceException {
        TestClients.serveTrackPages(server);
        List<Track> tracks = client.tracks(7, 500);
        assertThat(tracks)
                .containsExactly(
                        new Track(9002, 7, Instant.parse("2025-06-02T12:00:00Z")),
                        new Track(9001, 7, Instant.parse("2025-06-01T12:00:00Z")),
                        new Track(8000, 7, Instant.parse("2012-03-04T05:06:07Z")));
        assertThat(client.skippedItems()).isEqualTo(1);
        List<Request> pages = server.requestsTo("/users/7/tracks");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).param("limit")).isEqualTo("200");
        assertThat(pages.get(0).param("linked_partitioning")).isEqualTo("1");
        assertThat(pages.get(1).rawQuery())
                .isEqualTo("offset=2025-06-01T12%3A00%3A00.000Z%2Ctracks%2C0009001&limit=2&client_id=" + HYDRATED_ID);
        assertThat(pages.get(2).param("offset")).isEqualTo("2025-01-01T00:00:00.000Z,tracks,0008000");
    }

    @Test
    void maxCapsItemsAndTheLimitAsked() throws SourceException {
        TestClients.serveTrackPages(server);
        assertThat(client.tracks(7, 1)).extracting(Track::id).containsExactly(9002L);
        assertThat(server.requestsTo("/users/7/tracks")).hasSize(1);
        assertThat(server.requestsTo("/users/7/tracks").get(0).param("limit")).isEqualTo("1");
        assertThat(client.tracks(7, 0)).isEmpty();
        assertThat(server.requestsTo("/users/7/tracks")).hasSize(1);
        assertThatThrownBy(() -> client.tracks(7, -1)).hasMessage("max must be >= 0, got -1");
        assertThatThrownBy(() -> client.tracks(0, 1)).hasMessage("userId must be > 0, got 0");
    }

    @Test
    void maxPagesCapsAnEndlessList() throws SourceException {
        server.api("/users/7/likes", request -> {
            int offset = request.param("offset") == null ? 0 : Integer.parseInt(request.param("offset"));
            return Reply.json("{\"collection\":[],\"next_href\":\"https://api-v2.soundcloud.com/users/7/likes?offset="
                    + (offset + 1) + "\"}");
        });
        try (WebApiClient capped =
                TestClients.recording(TestClients.config(server.base()).withMaxPages(4))) {
            assertThat(capped.interactions(7, InteractionType.LIKE, 500)).isEmpty();
        }
        assertThat(server.requestsTo("/users/7/likes")).hasSize(4);
    }

    @Test
    void aRepeatingCursorEndsTheList() throws SourceException {
        server.api(
                "/users/7/followings",
                request -> Reply.json(resource("followings_7.json")
                        .replace("\"next_href\": null", "\"next_href\": \"/users/7/followings?offset=same\"")));
        List<Interaction> follows = client.interactions(7, InteractionType.FOLLOW, 500);
        assertThat(server.requestsTo("/users/7/followings")).hasSize(2);
        assertThat(follows).extracting(i -> i.target().id()).containsExactly(18L, 19L, 18L, 19L);
    }

    @Test
    void eachInteractionTypeReadsItsEndpoint() throws SourceException {
        server.api("/users/7/likes", request -> Reply.json(resource("likes_7.json")));
        server.api("/users/7/comments", request -> Reply.json(resource("comments_7.json")));
        server.api("/stream/users/7/reposts", request -> Reply.json(resource("reposts_7.json")));
        server.api("/users/7/followings", request -> Reply.json(resource("followings_7.json")));
        assertThat(client.interactions(7, InteractionType.LIKE, 10))
                .extracting(Interaction::objectUrn)
                .containsExactly("soundcloud:tracks:101", "soundcloud:playlists:202");
        assertThat(client.interactions(7, InteractionType.COMMENT, 10))
                .extracting(i -> i.target().id())
                .containsExactly(14L, 15L);
        assertThat(client.interactions(7, InteractionType.REPOST, 10))
                .extracting(i -> i.target().id())
                .containsExactly(16L, 17L);
        assertThat(client.interactions(7, InteractionType.FOLLOW, 10))
                .extracting(i -> i.target().id())
                .containsExactly(18L, 19L);
        assertThat(client.skippedItems()).isEqualTo(2 + 1 + 1 + 1);
    }

    @Test
    void profileOfAMissingOrNonUserObjectIsEmpty() throws SourceException {
        server.api("/users/5", request -> Reply.json("{\"id\":5,\"kind\":\"track\",\"permalink\":\"t\"}"));
        assertThat(client.profile(404)).isEmpty();
        assertThat(client.profile(5)).isEmpty();
    }

    @Test
    void aListThatIsGoneIsAnErrorWithItsStatus() {
        assertThatThrownBy(() -> client.interactions(9, InteractionType.LIKE, 10))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.uri()).hasPath("/users/9/likes");
                });
    }

    @Test
    void closedClientRefusesCalls() {
        client.close();
        assertThatThrownBy(() -> client.profile(7)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void facadeBuildsAWorkingClient() throws SourceException {
        server.api("/users/7", request -> Reply.json(resource("user_7.json")));
        try (SoundCloudClient facade = SoundCloud.webApi(TestClients.config(server.base()))) {
            assertThat(facade.profile(7)).isPresent();
            assertThat(facade.requestCount()).isEqualTo(2);
        }
    }
}
