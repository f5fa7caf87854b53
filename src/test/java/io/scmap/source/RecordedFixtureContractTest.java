package io.scmap.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scmap.source.LoopbackServer.Reply;
import io.scmap.source.LoopbackServer.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web client against genuine recorded api-v2 responses (see SOURCES.md in the shared fixtures),
 * served unmodified from a loopback server that insists on the client_id of the recorded home page.
 * Cursors in the recordings name the real host; the client moves them onto the configured base.
 */
class RecordedFixtureContractTest {
    private static final String CLIENT_ID = "CkCiIyf14rHi27fhk7HxhPOzc85okfSJ";

    private static LoopbackServer server;

    /** Skips each test, visibly and with the reason, when the shared fixtures are not there. */
    @BeforeEach
    void requireFixtures() {
        SharedFixtures.assumePresent();
    }

    @BeforeAll
    static void serveRecordings() {
        if (!SharedFixtures.present()) {
            return;
        }
        server = new LoopbackServer();
        server.acceptClientId(CLIENT_ID);
        server.page("/", request -> Reply.html(fixture("homepage.html")));
        server.api("/resolve", RecordedFixtureContractTest::resolve);
        server.api("/users/542134", request -> Reply.json(fixture("user_profile.json")));
        server.api("/users/666", request -> Reply.status(403, fixture("error_403_datadome_captcha_apiv2.json")));
        server.api(
                "/users/10494998/tracks",
                request -> byOffset(
                        request,
                        Map.of(
                                "", "user_tracks_page.json",
                                "2024-11-01T04:00:00.000Z,tracks,00000000002160462036",
                                        "user_tracks_page2_cursor.json")));
        server.api(
                "/users/73637815/tracks",
                request -> byOffset(request, Map.of("", "user_tracks_empty_page_with_next_href.json")));
        server.api(
                "/users/30854092/likes",
                request -> byOffset(
                        request,
                        Map.of(
                                "",
                                "user_likes_page.json",
                                "2025-11-08T10:30:30.218Z,user-track-likes,000-00000000000030854092-00000000002166030600",
                                "user_likes_page2_cursor.json")));
        server.api(
                "/users/1280839267/likes", request -> byOffset(request, Map.of("", "user_likes_playlists_page.json")));
        server.api("/users/8553751/followings", request -> Reply.json(fixture("user_followings.json")));
        server.api("/users/217903802/followings", request -> Reply.json(fixture("user_followings_small.json")));
        server.api("/users/143469553/comments", request -> Reply.json(userCommentsPage()));
        server.api("/tracks/1670147625/comments", request -> Reply.json(fixture("track_comments_empty.json")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String fixture(String name) {
        return SharedFixtures.read(name);
    }

    private static Reply resolve(Request request) {
        String url = String.valueOf(request.param("url"));
        return switch (url) {
            case "https://soundcloud.com/monstercat" -> Reply.json(fixture("resolve_user_widget.json"));
            case "https://soundcloud.com/garrett-cameron-1/technicality" -> Reply.json(fixture("resolve_track.json"));
            default -> Reply.status(404, fixture("error_404_resolve.json"));
        };
    }

    /** The recorded page for the request's offset; any other offset gets the recorded empty last page. */
    private static Reply byOffset(Request request, Map<String, String> pages) {
        String offset = request.param("offset");
        String page = pages.get(offset == null ? "" : offset);
        return Reply.json(fixture(page == null ? "track_comments_empty.json" : page));
    }

    /**
     * A {@code /users/{id}/comments} page as SOURCES.md F describes it: the recorded comments of
     * track_comments.json, each with a {@code track} whose {@code user} is the track owner (the
     * recorded owner object of resolve_track.json).
     */
    private static String userCommentsPage() {
        try {
            JsonNode page = HttpFetcher.mapper().readTree(fixture("track_comments.json"));
            JsonNode owner =
                    HttpFetcher.mapper().readTree(fixture("resolve_track.json")).get("user");
            for (JsonNode comment : page.get("collection")) {
                ObjectNode track = ((ObjectNode) comment).putObject("track");
                track.put("kind", "track");
                track.put("id", comment.get("track_id").longValue());
                track.put("urn", "soundcloud:tracks:" + comment.get("track_id").longValue());
                track.put("user_id", owner.get("id").longValue());
                track.set("user", owner);
            }
            return HttpFetcher.mapper().writeValueAsString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebApiClient client() {
        return TestClients.recording(TestClients.config(server.base()));
    }

    @Test
    void homePageHydrationAndAppScriptYieldTheRecordedClientId() {
        String home = fixture("homepage.html");
        assertThat(ClientIdFinder.fromHydration(home)).contains(CLIENT_ID);
        List<URI> scripts = ClientIdFinder.scriptUris(home, URI.create("https://soundcloud.com/"));
        // ten asset tags plus the consent stub, whose tag spans several lines
        assertThat(scripts).hasSize(11);
        assertThat(scripts.get(0)).isEqualTo(URI.create("https://dwt.soundcloud.com/tags.js"));
        assertThat(scripts.get(10)).isEqualTo(URI.create("https://a-v2.sndcdn.com/assets/54-a4b72eca.js"));
        String script = fixture("app_js_client_id_excerpt.js");
        assertThat(script).contains("google_client_id:\"");
        assertThat(ClientIdFinder.fromScript(script)).contains(CLIENT_ID);
    }

    @Test
    void appScriptFallbackFindsTheIdWhenHydrationLacksApiClient() throws SourceException {
        String base = server.base().toString();
        String home = fixture("homepage.html")
                .replace("\"hydratable\":\"apiClient\"", "\"hydratable\":\"notTheApiClient\"")
                .replace("https://a-v2.sndcdn.com/assets/", base + "/assets/")
                .replace("https://dwt.soundcloud.com/", base + "/")
                .replace("https://cdn.cookielaw.org/", base + "/");
        assertThat(ClientIdFinder.scriptUris(home, server.base()))
                .allMatch(uri -> uri.toString().startsWith(base), "only loopback scripts");
        try (LoopbackServer site = new LoopbackServer()) {
            site.acceptClientId(CLIENT_ID);
            String siteBase = site.base().toString();
            site.page("/", request -> Reply.html(home.replace(base, siteBase)));
            site.page("/assets/54-a4b72eca.js", request -> Reply.json(fixture("app_js_client_id_excerpt.js")));
            site.api("/users/542134", request -> Reply.json(fixture("user_profile.json")));
            try (WebApiClient client = TestClients.recording(TestClients.config(site.base()))) {
                assertThat(client.profile(542134)).isPresent();
            }
            assertThat(site.requests())
                    .extracting(Request::path)
                    .containsExactly("/", "/assets/54-a4b72eca.js", "/users/542134");
        }
    }

    @Test
    void profileMapsTheRecordedUser() throws SourceException {
        assertThat(client().profile(542134))
                .contains(new Account(542134, "soundcloud:users:542134", "dubmatix", "dubmatix", 2775276, 292));
    }

    @Test
    void resolveOfAUserPermalink() throws SourceException {
        assertThat(client().resolve("monstercat"))
                .contains(new Account(8553751, "soundcloud:users:8553751", "monstercat", "Monstercat", 1139723, 4978));
        Request sent = server.requestsTo("/resolve").stream()
                .filter(r -> "https://soundcloud.com/monstercat".equals(r.param("url")))
                .findFirst()
                .orElseThrow();
        assertThat(sent.rawQuery()).startsWith("url=https%3A%2F%2Fsoundcloud.com%2Fmonstercat&client_id=" + CLIENT_ID);
    }

    @Test
    void resolveOfATrackOrAMissingPermalinkIsEmpty() throws SourceException {
        WebApiClient client = client();
        assertThat(client.resolve("garrett-cameron-1/technicality")).isEmpty();
        assertThat(client.resolve("ithinkthatthisuserdontexist")).isEmpty();
    }

    @Test
    void tracksFollowTheRecordedCursorWithClientIdReappended() throws SourceException {
        int before = server.requestsTo("/users/10494998/tracks").size();
        assertThat(client().tracks(10494998, 500))
                .containsExactly(
                        new Track(2234866769L, 10494998, Instant.parse("2025-12-23T03:49:53Z")),
                        new Track(2222521898L, 10494998, Instant.parse("2025-12-02T07:18:44Z")),
                        new Track(2160461928L, 10494998, Instant.parse("2025-08-27T23:53:25Z")));
        List<Request> pages = server.requestsTo("/users/10494998/tracks").subList(before, before + 3);
        assertThat(pages.get(0).rawQuery()).isEqualTo("limit=200&linked_partitioning=1&client_id=" + CLIENT_ID);
        assertThat(pages.get(1).rawQuery())
                .isEqualTo("offset=2024-11-01T04%3A00%3A00.000Z%2Ctracks%2C00000000002160462036&limit=20&client_id="
                        + CLIENT_ID);
        assertThat(pages.get(2).param("offset")).isEqualTo("2023-12-27T17:00:00.000Z,tracks,00000000001700527512");
    }

    @Test
    void maxStopsBeforeTheNextCursor() throws SourceException {
        int before = server.requestsTo("/users/10494998/tracks").size();
        assertThat(client().tracks(10494998, 3)).hasSize(3);
        assertThat(server.requestsTo("/users/10494998/tracks")).hasSize(before + 2);
    }

    @Test
    void anEmptyPageWithACursorIsFollowed() throws SourceException {
        assertThat(client().tracks(73637815, 500)).isEmpty();
        List<Request> pages = server.requestsTo("/users/73637815/tracks");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(pages.get(1).param("offset")).isEqualTo("2026-01-20T18:40:21.000Z,tracks,00000000002250998000");
        assertThat(pages.get(1).params("client_id")).containsExactly(CLIENT_ID);
    }

    @Test
    void trackLikesAcrossTwoRecordedPages() throws SourceException {
        List<Interaction> likes = client().interactions(30854092, InteractionType.LIKE, 500);
        assertThat(likes)
                .containsExactly(
                        new Interaction(
                                InteractionType.LIKE,
                                new Account(
                                        796585885,
                                        "soundcloud:users:796585885",
                                        "telegarecordings",
                                        "Telega Recordings",
                                        1741,
                                        -1),
                                "soundcloud:tracks:2124963702",
                                Instant.parse("2026-02-20T17:12:35Z")),
                        new Interaction(
                                InteractionType.LIKE,
                                new Account(
                                        1158746755, "soundcloud:users:1158746755", "bose-spain", "BOSE.SPAIN", 578, -1),
                                "soundcloud:tracks:2240997962",
                                Instant.parse("2026-02-20T16:54:31Z")),
                        new Interaction(
                                InteractionType.LIKE,
                                new Account(6552687, "soundcloud:users:6552687", "pnx-snk", "Pneumatix", 21087, -1),
                                "soundcloud:tracks:1165999978",
                                Instant.parse("2025-11-04T14:28:10Z")));
    }

    @Test
    void playlistLikesTargetThePlaylistOwnerWithABuiltUrn() throws SourceException {
        List<Interaction> likes = client().interactions(1280839267, InteractionType.LIKE, 500);
        assertThat(likes)
                .extracting(Interaction::objectUrn)
                .containsExactly("soundcloud:playlists:1782559458", "soundcloud:playlists:1967319012");
        assertThat(likes.get(0).target())
                .isEqualTo(new Account(260132959, "soundcloud:users:260132959", "jxgv", "cheyne", 91, -1));
        assertThat(likes.get(1).target().permalink()).isEqualTo("relaxcafemusic");
        assertThat(likes.get(1).target().followers()).isEqualTo(9465);
        assertThat(likes)
                .extracting(Interaction::at)
                .containsExactly(Instant.parse("2025-07-08T15:40:55Z"), Instant.parse("2025-07-08T15:40:54Z"));
    }

    @Test
    void followingsAreTheFollowedUsersWithoutATime() throws SourceException {
        WebApiClient client = client();
        assertThat(client.interactions(8553751, InteractionType.FOLLOW, 500))
                .containsExactly(
                        new Interaction(
                                InteractionType.FOLLOW,
                                new Account(
                                        110031956,
                                        "soundcloud:users:110031956",
                                        "marshmellomusic",
                                        "marshmello",
                                        1455934,
                                        243),
                                "soundcloud:users:110031956",
                                null),
                        new Interaction(
                                InteractionType.FOLLOW,
                                new Account(
                                        125217816, "soundcloud:users:125217816", "iammindsight", "Mindsight", 6582, 61),
                                "soundcloud:users:125217816",
                                null));
        assertThat(client.interactions(217903802, InteractionType.FOLLOW, 500))
                .extracting(Interaction::target)
                .containsExactly(
                        new Account(322530553, "soundcloud:users:322530553", "jflaofficial", "J.Fla", 30531, 276));
    }

    @Test
    void commentsTargetTheTrackOwnerAndTheirCursorGetsOneClientId() throws SourceException {
        List<Interaction> comments = client().interactions(143469553, InteractionType.COMMENT, 500);
        assertThat(comments)
                .extracting(Interaction::objectUrn)
                .containsExactly("soundcloud:comments:2198411235", "soundcloud:comments:2188150127");
        assertThat(comments)
                .extracting(Interaction::at)
                .containsExactly(Instant.parse("2024-09-01T17:45:16Z"), Instant.parse("2024-08-15T22:27:17Z"));
        assertThat(comments).extracting(c -> c.target().id()).containsOnly(62893742L);
        assertThat(comments.get(0).target().permalink()).isEqualTo("garrett-cameron-1");
        Request cursor = server.requestsTo("/tracks/1670147625/comments").get(0);
        assertThat(cursor.params("client_id")).containsExactly(CLIENT_ID);
        assertThat(cursor.rawQuery()).isEqualTo("offset=10&threaded=0&limit=10&client_id=" + CLIENT_ID);
    }

    @Test
    void recordedCaptchaIsBlockedWithoutRetry() {
        WebApiClient client = client();
        assertThatThrownBy(() -> client.profile(666))
                .isInstanceOf(BlockedException.class)
                .hasMessage(BlockedException.MESSAGE);
        assertThat(server.requestsTo("/users/666")).hasSize(1);
    }
}
