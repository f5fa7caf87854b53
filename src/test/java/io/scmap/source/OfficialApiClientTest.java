package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.OfficialServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official API client against a loopback server with this package's own small fixtures. */
class OfficialApiClientTest {
    private static final String USER_7 = "/users/soundcloud:users:7";

    private OfficialServer server;

    @BeforeEach
    void start() {
        server = new OfficialServer();
        server.route(OfficialServer.TOKEN_PATH, Reply.json(resource("token.json")));
        server.route(USER_7, Reply.json(resource("user_7.json")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String resource(String name) {
        return TestClients.resource("official/" + name);
    }

    @Test
    void exchangesClientCredentialsWithBasicAuthAndSendsOAuthHeader() throws SourceException {
        try (OfficialApiClient client = server.client()) {
            Account account = client.profile(7).orElseThrow();
            assertThat(account).isEqualTo(new Account(7, "soundcloud:users:7", "alpha", "Alpha A.", 12, 2));
        }
        OfficialServer.Request token = server.tokenRequests().get(0);
        String expected = Base64.getEncoder()
                .encodeToString((OfficialServer.CLIENT_ID + ":" + OfficialServer.CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Authorization")).isEqualTo("Basic " + expected);
        assertThat(token.header("Accept")).startsWith("application/json");
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.body()).isEqualTo("grant_type=client_credentials");
        OfficialServer.Request api = server.apiRequests().get(0);
        assertThat(api.header("Authorization")).isEqualTo("OAuth tok-1");
        assertThat(api.rawQuery()).isNull();
    }

    @Test
    void reusesTheCachedTokenAcrossCalls() throws SourceException {
        try (OfficialApiClient client = server.client()) {
            client.profile(7);
            client.profile(7);
            client.profile(7);
            assertThat(client.tokenRequests()).isEqualTo(1);
            assertThat(client.requestCount()).isEqualTo(4);
        }
        assertThat(server.tokenRequests()).hasSize(1);
    }

    @Test
    void refreshesOnceOn401WithTheRefreshToken() throws SourceException {
        server.route(
                OfficialServer.TOKEN_PATH,
                request -> request.body().startsWith("grant_type=refresh_token")
                        ? Reply.json(resource("token_refreshed.json"))
                        : Reply.json(resource("token.json")));
        server.route(
                USER_7,
                request -> "OAuth tok-2".equals(request.header("Authorization"))
                        ? Reply.json(resource("user_7.json"))
                        : Reply.status(401, "{\"code\":401}"));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.profile(7)).isPresent();
        }
        List<OfficialServer.Request> tokens = server.tokenRequests();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).body()).isEqualTo("grant_type=refresh_token&refresh_token=ref-1");
        assertThat(tokens.get(1).header("Authorization")).startsWith("Basic ");
        assertThat(server.apiRequests()).hasSize(2);
    }

    @Test
    void secondRefusalAfterRenewalIsAnErrorWithoutTheSecret() {
        server.route(USER_7, Reply.status(401, "{\"code\":401}"));
        try (OfficialApiClient client = server.client()) {
            assertThatThrownBy(() -> client.profile(7))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageNotContaining(OfficialServer.CLIENT_SECRET)
                    .satisfies(e -> assertThat(((SourceException) e).status()).isEqualTo(401));
        }
        assertThat(server.apiRequests()).hasSize(2);
    }

    @Test
    void fallsBackToANewExchangeWhenTheRefreshIsRefused() throws SourceException {
        AtomicInteger exchanges = new AtomicInteger();
        server.route(OfficialServer.TOKEN_PATH, request -> {
            if (request.body().startsWith("grant_type=refresh_token")) {
                return Reply.status(400, "{\"code\":400,\"message\":\"invalid_grant\"}");
            }
            return Reply.json(
                    exchanges.incrementAndGet() == 1 ? resource("token.json") : resource("token_refreshed.json"));
        });
        server.route(
                USER_7,
                request -> "OAuth tok-2".equals(request.header("Authorization"))
                        ? Reply.json(resource("user_7.json"))
                        : Reply.status(401, "{}"));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(server.tokenRequests())
                .extracting(OfficialServer.Request::body)
                .containsExactly(
                        "grant_type=client_credentials",
                        "grant_type=refresh_token&refresh_token=ref-1",
                        "grant_type=client_credentials");
    }

    @Test
    void renewsShortlyBeforeExpiry() throws SourceException {
        server.route(
                OfficialServer.TOKEN_PATH,
                request -> request.body().startsWith("grant_type=refresh_token")
                        ? Reply.json(resource("token_refreshed.json"))
                        : Reply.json(resource("token.json")));
        OfficialServer.MovableClock clock = new OfficialServer.MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (OfficialApiClient client = server.client(server.config(), new ArrayList<>(), clock)) {
            client.profile(7);
            clock.advance(Duration.ofSeconds(3500));
            client.profile(7);
            assertThat(client.tokenRequests()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(60));
            client.profile(7);
            assertThat(client.tokenRequests()).isEqualTo(2);
        }
        assertThat(server.apiRequests())
                .extracting(request -> request.header("Authorization"))
                .containsExactly("OAuth tok-1", "OAuth tok-1", "OAuth tok-2");
    }

    @Test
    void tokenRateLimitIsRetriedHonouringRetryAfterThenExplained() {
        server.route(
                OfficialServer.TOKEN_PATH,
                new Reply(429, resource("error_429_token.json"), Map.of("Retry-After", "7")));
        List<Duration> waits = new ArrayList<>();
        OfficialApiConfig config = server.config().withMaxRetries(2);
        try (OfficialApiClient client = server.client(config, waits, TestClients.FIXED_CLOCK)) {
            assertThatThrownBy(() -> client.profile(7))
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("SoundCloud limits token requests (30 per hour per IP)")
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageNotContaining(OfficialServer.CLIENT_SECRET)
                    .satisfies(e -> assertThat(((SourceException) e).status()).isEqualTo(429));
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(server.apiRequests()).isEmpty();
    }

    @Test
    void tokenRateLimitThatPassesIsWaitedOut() throws SourceException {
        AtomicInteger calls = new AtomicInteger();
        server.route(
                OfficialServer.TOKEN_PATH,
                request -> calls.incrementAndGet() == 1
                        ? new Reply(429, resource("error_429_token.json"), Map.of("Retry-After", "3"))
                        : Reply.json(resource("token.json")));
        List<Duration> waits = new ArrayList<>();
        try (OfficialApiClient client = server.client(server.config(), waits, TestClients.FIXED_CLOCK)) {
            assertThat(client.profile(7)).isPresent();
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void refusedCredentialsNameTheVariablesButNotTheSecret() {
        server.route(OfficialServer.TOKEN_PATH, Reply.status(401, resource("error_invalid_client.json")));
        try (OfficialApiClient client = server.client()) {
            assertThatThrownBy(() -> client.profile(7))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("invalid_client")
                    .hasMessageContaining("SCMAP_CLIENT_SECRET")
                    .hasMessageContaining(OfficialServer.CLIENT_ID)
                    .hasMessageNotContaining(OfficialServer.CLIENT_SECRET);
        }
    }

    @Test
    void resolvesThroughA302LocationHeaderOnTheConfiguredBase() throws SourceException {
        server.route(
                "/resolve",
                new Reply(302, "", Map.of("Location", "https://api.soundcloud.com" + USER_7 + "?client_id=leaked")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.resolve("https://soundcloud.com/alpha/"))
                    .map(Account::id)
                    .contains(7L);
        }
        List<OfficialServer.Request> api = server.apiRequests();
        assertThat(api).hasSize(2);
        assertThat(api.get(0).rawQuery()).isEqualTo("url=https%3A%2F%2Fsoundcloud.com%2Falpha");
        assertThat(api.get(1).path()).isEqualTo(USER_7);
        assertThat(api.get(1).rawQuery()).isNull();
        assertThat(api.get(1).header("Authorization")).isEqualTo("OAuth tok-1");
    }

    @Test
    void resolvesThroughA302LocationInTheBody() throws SourceException {
        server.route("/resolve", Reply.status(302, resource("resolve_302.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.resolve("alpha")).map(Account::permalink).contains("alpha");
        }
    }

    @Test
    void notFoundIsEmpty() throws SourceException {
        server.route("/resolve", Reply.status(404, resource("error_404.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.resolve("nobody")).isEmpty();
            assertThat(client.profile(404)).isEmpty();
            assertThat(client.tracks(404, 10)).isEmpty();
            assertThat(client.interactions(404, InteractionType.FOLLOW, 10)).isEmpty();
        }
    }

    @Test
    void readsTracksFromABareArrayWithIdsOrUrns() throws SourceException {
        server.route(USER_7 + "/tracks", Reply.json(resource("tracks_7_array.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.tracks(7, 50))
                    .containsExactly(
                            new Track(701, 7, Instant.parse("2024-05-01T10:00:00Z")),
                            new Track(700, 7, Instant.parse("2023-05-01T10:00:00Z")));
        }
        assertThat(server.apiRequests().get(0).rawQuery()).isEqualTo("linked_partitioning=true&limit=50");
    }

    @Test
    void followsNextHrefCursorsWithoutClientId() throws SourceException {
        String path = USER_7 + "/followings";
        server.route(
                path,
                request -> request.rawQuery() != null && request.rawQuery().contains("cursor=abc")
                        ? Reply.json(resource("followings_7_page2.json"))
                        : Reply.json(resource("followings_7_page1.json")));
        try (OfficialApiClient client = server.client()) {
            List<Interaction> follows = client.interactions(7, InteractionType.FOLLOW, 500);
            assertThat(follows).extracting(i -> i.target().permalink()).containsExactly("beta", "delta", "epsilon");
            assertThat(follows).extracting(Interaction::objectUrn).contains("soundcloud:users:23");
            assertThat(follows).allSatisfy(i -> assertThat(i.at()).isNull());
        }
        List<OfficialServer.Request> api = server.apiRequests();
        assertThat(api)
                .extracting(OfficialServer.Request::rawQuery)
                .containsExactly("linked_partitioning=true&limit=200", "page_size=2&cursor=abc");
    }

    @Test
    void stopsAtMaxItemsWithoutFetchingMorePages() throws SourceException {
        server.route(USER_7 + "/followings", Reply.json(resource("followings_7_page1.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.interactions(7, InteractionType.FOLLOW, 2)).hasSize(2);
        }
        assertThat(server.apiRequests()).hasSize(1);
    }

    @Test
    void likesListTracksThenPlaylistsAndSkipOwnerlessItems() throws SourceException {
        server.route(USER_7 + "/likes/tracks", Reply.json(resource("likes_tracks_7.json")));
        server.route(USER_7 + "/likes/playlists", Reply.json(resource("likes_playlists_7.json")));
        try (OfficialApiClient client = server.client()) {
            List<Interaction> likes = client.interactions(7, InteractionType.LIKE, 10);
            assertThat(likes)
                    .extracting(Interaction::objectUrn)
                    .containsExactly("soundcloud:tracks:801", "soundcloud:playlists:901");
            assertThat(likes).extracting(i -> i.target().id()).containsExactly(21L, 22L);
            assertThat(likes).allSatisfy(i -> assertThat(i.type()).isEqualTo(InteractionType.LIKE));
            assertThat(client.skippedItems()).isEqualTo(1);
        }
    }

    @Test
    void commentsAndRepostsAreNotOffered() {
        try (OfficialApiClient client = server.client()) {
            assertThat(client.supportedTypes()).isEqualTo(EnumSet.of(InteractionType.LIKE, InteractionType.FOLLOW));
            assertThatThrownBy(() -> client.interactions(7, InteractionType.COMMENT, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("COMMENT");
            assertThatThrownBy(() -> client.interactions(7, InteractionType.REPOST, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("REPOST");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void readsAUserThatCarriesOnlyAUrn() throws SourceException {
        server.route("/users/soundcloud:users:9", Reply.json(resource("user_urn_only.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.profile(9)).contains(new Account(9, "soundcloud:users:9", "gamma", "Gamma", -1, -1));
        }
    }

    @Test
    void threadsShareOneTokenExchange() throws Exception {
        try (OfficialApiClient client = server.client()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Optional<Account>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> client.profile(7)));
                }
                for (Future<Optional<Account>> result : results) {
                    assertThat(result.get()).isPresent();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(server.tokenRequests()).hasSize(1);
        assertThat(server.apiRequests()).hasSize(8);
    }

    @Test
    void rejectsBadArguments() {
        try (OfficialApiClient client = server.client()) {
            assertThatThrownBy(() -> client.profile(0)).hasMessage("userId must be > 0, got 0");
            assertThatThrownBy(() -> client.tracks(7, -1)).hasMessage("max must be >= 0, got -1");
            assertThatThrownBy(() -> client.resolve(" / ")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
