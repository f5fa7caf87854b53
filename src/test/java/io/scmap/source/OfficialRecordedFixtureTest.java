package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scmap.source.OfficialServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official client against genuine recorded api.soundcloud.com responses and SoundCloud's own
 * documentation examples (SOURCES.md sections C, D, E in the shared fixtures), served unmodified.
 * Recorded cursors and redirects name the real host; the client moves them onto the loopback base.
 */
class OfficialRecordedFixtureTest {

    private OfficialServer server;

    @BeforeEach
    void serve() {
        SharedFixtures.assumePresent();
        server = new OfficialServer();
        server.route(OfficialServer.TOKEN_PATH, Reply.json(expiringTokenExample()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String fixture(String name) {
        return SharedFixtures.read(name);
    }

    /** The documented ExpiringToken example, as the token endpoint's answer. */
    private static String expiringTokenExample() {
        try {
            JsonNode examples = HttpFetcher.mapper().readTree(fixture("official_openapi_examples.json"));
            return examples.get("ExpiringToken").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void usesTheDocumentedTokenExampleInTheOAuthHeader() throws SourceException {
        server.route("/users/soundcloud:users:53562492", Reply.json(fixture("official_me.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.profile(53562492))
                    .contains(new Account(53562492, "soundcloud:users:53562492", "nick-steel-4", "Nick Steel 3", 2, 0));
        }
        assertThat(server.apiRequests().get(0).header("Authorization")).isEqualTo("OAuth some string");
    }

    @Test
    void readsTracksFromTheRecordedBareArray() throws SourceException {
        server.route("/users/soundcloud:users:27945548/tracks", Reply.json(fixture("official_user_tracks_array.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.tracks(27945548, 10))
                    .containsExactly(new Track(179495375, 27945548, Instant.parse("2014-12-01T19:22:45Z")));
        }
    }

    @Test
    void readsLikesFromTheRecordedFavoritesArray() throws SourceException {
        server.route("/users/soundcloud:users:7/likes/tracks", Reply.json(fixture("official_me_favorites_array.json")));
        server.route("/users/soundcloud:users:7/likes/playlists", Reply.json("[]"));
        try (OfficialApiClient client = server.client()) {
            List<Interaction> likes = client.interactions(7, InteractionType.LIKE, 10);
            assertThat(likes).hasSize(1);
            assertThat(likes.get(0).objectUrn()).isEqualTo("soundcloud:tracks:24414623");
            assertThat(likes.get(0).target().permalink()).isEqualTo("tallships");
            assertThat(likes.get(0).target().id()).isEqualTo(1710483L);
        }
    }

    @Test
    void followsTheRecordedNextHrefOntoTheConfiguredBase() throws SourceException {
        server.route("/users/soundcloud:users:7/followings", Reply.json(fixture("official_me_followings.json")));
        server.route("/me/followings", Reply.json("{\"collection\": [], \"next_href\": null}"));
        try (OfficialApiClient client = server.client()) {
            List<Interaction> follows = client.interactions(7, InteractionType.FOLLOW, 100);
            assertThat(follows)
                    .extracting(i -> i.target().permalink())
                    .containsExactly("young-legionnaire", "tallships");
            assertThat(follows.get(1).target().followers()).isEqualTo(2185);
        }
        OfficialServer.Request second = server.apiRequests().get(1);
        assertThat(second.path()).isEqualTo("/me/followings");
        assertThat(second.rawQuery()).isEqualTo("page_size=10&cursor=1375867131926");
    }

    @Test
    void followsTheRecorded302AndReportsANonUserAsEmpty() throws SourceException {
        server.route("/resolve", Reply.status(302, fixture("official_resolve_302.json")));
        server.route("/playlists/446283", Reply.json(fixture("official_track.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.resolve("yndihalda/sets/dash-and-blast")).isEmpty();
        }
        OfficialServer.Request followed = server.apiRequests().get(1);
        assertThat(followed.path()).isEqualTo("/playlists/446283");
        assertThat(followed.rawQuery()).isNull();
    }

    @Test
    void recordedNotFoundIsEmpty() throws SourceException {
        server.route("/users/soundcloud:users:5", Reply.status(404, fixture("official_error_404.json")));
        try (OfficialApiClient client = server.client()) {
            assertThat(client.profile(5)).isEmpty();
        }
    }

    @Test
    void recordedTokenRateLimitsEndInTheExplainedError() {
        for (String body :
                List.of("error_429_official_token_2021.json", "error_429_client_credentials_exchange_2022.json")) {
            server.route(OfficialServer.TOKEN_PATH, new Reply(429, fixture(body), Map.of("Retry-After", "2")));
            List<Duration> waits = new ArrayList<>();
            try (OfficialApiClient client =
                    server.client(server.config().withMaxRetries(1), waits, TestClients.FIXED_CLOCK)) {
                assertThatThrownBy(() -> client.profile(7))
                        .isInstanceOf(SourceException.class)
                        .hasMessageContaining("30 per hour per IP")
                        .hasMessageNotContaining(OfficialServer.CLIENT_SECRET);
            }
            assertThat(waits).containsExactly(Duration.ofSeconds(2));
        }
    }
}
