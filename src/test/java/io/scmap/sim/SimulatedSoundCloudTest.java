package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedSoundCloudTest {
    private static final SimParams SMALL =
            SimParams.DEFAULTS.withArtists(200).withScenes(5).withSeed(11);
    private static final Pattern HYDRATED_ID =
            Pattern.compile("\\{\"hydratable\":\"apiClient\",\"data\":\\{\"id\":\"([A-Za-z0-9]{32})\"");
    private static final Pattern SCRIPT_SRC = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+\\.js)\"");
    private static final Pattern ASSET_ID = Pattern.compile("[,{]client_id:\"([A-Za-z0-9]{32})\"");

    @Test
    void aPortInUseGivesAClearIOException() throws IOException {
        try (SimulatedSoundCloud first = SimulatedSoundCloud.start(SMALL, 0)) {
            int port = first.baseUrl().getPort();
            assertThatThrownBy(() -> SimulatedSoundCloud.start(SMALL, port))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("port " + port + " is already in use");
        }
    }

    @Test
    void servesOnLoopbackAndCountsRequests() throws IOException {
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(SMALL, 0)) {
            assertThat(sim.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sim.artistCount()).isEqualTo(200);
            assertThat(sim.params()).isEqualTo(SMALL);
            SimHttp http = new SimHttp(sim);
            http.getRaw("/");
            http.api("/users/1");
            http.api("/nowhere");
            assertThat(sim.requestsServed()).isEqualTo(3);
            assertThat(sim.statistics()).containsEntry("artists", 200).containsKey("meanWeightPerArtist");
        }
    }

    @Test
    void unknownAndDeletedUsersAnswer404WithEmptyObject() throws IOException {
        World world = World.generate(SMALL);
        int deleted = 0;
        while (!world.deleted[deleted]) {
            deleted++;
        }
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(SMALL, 0)) {
            SimHttp http = new SimHttp(sim);
            for (String path : List.of(
                    "/users/1",
                    "/users/abc",
                    "/users/1/likes",
                    "/stream/users/1/reposts",
                    "/users/" + world.userId[deleted],
                    "/users/" + world.userId[deleted] + "/followings",
                    "/resolve?url=" + SimHttp.encode("https://soundcloud.com/" + world.permalink[deleted]),
                    "/resolve?url=" + SimHttp.encode("https://soundcloud.com/no-such-artist-anywhere"),
                    "/users/" + world.userId[0] + "/playlists")) {
                HttpResponse<String> response = http.api(path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).isEqualTo("{}");
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            }
        }
    }

    @Test
    void privateArtistsShowTheirProfileButAnswer403ForEveryList() throws IOException {
        SimParams hiding = SMALL.withPrivateShare(0.2);
        World world = World.generate(hiding);
        int hidden = 0;
        while (!world.privateLists[hidden]) {
            hidden++;
        }
        long id = world.userId[hidden];
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(hiding, 0)) {
            assertThat(sim.privatePermalinks()).contains(world.permalink[hidden]);
            SimHttp http = new SimHttp(sim);
            assertThat(http.api("/users/" + id).statusCode()).isEqualTo(200);
            assertThat(http.api("/resolve?url=" + SimHttp.encode("https://soundcloud.com/" + world.permalink[hidden]))
                            .statusCode())
                    .isEqualTo(200);
            for (String list : List.of("tracks", "likes", "comments", "followings")) {
                HttpResponse<String> response = http.api("/users/" + id + "/" + list + "?limit=5");
                assertThat(response.statusCode()).as(list).isEqualTo(403);
                assertThat(SimHttp.parse(response.body()).get("code").asInt()).isEqualTo(403);
            }
            assertThat(http.api("/stream/users/" + id + "/reposts").statusCode())
                    .isEqualTo(403);
            int open = 0;
            while (world.privateLists[open] || world.deleted[open]) {
                open++;
            }
            assertThat(http.api("/users/" + world.userId[open] + "/likes").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void resolveAcceptsAnyHostAndReturnsTheProfile() throws IOException {
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(SMALL, 0)) {
            SimHttp http = new SimHttp(sim);
            String seed = sim.seedPermalinks(1).get(0);
            JsonNode viaSoundCloud = http.json("/resolve?url=" + SimHttp.encode("https://soundcloud.com/" + seed));
            JsonNode viaOtherHost = http.json("/resolve?url=" + SimHttp.encode("http://m.example.test/" + seed + "/"));
            JsonNode byId = http.json("/users/" + viaSoundCloud.get("id").asLong());
            assertThat(viaSoundCloud.get("permalink").asText()).isEqualTo(seed);
            assertThat(viaOtherHost).isEqualTo(viaSoundCloud);
            assertThat(byId).isEqualTo(viaSoundCloud);
            assertThat(viaSoundCloud.get("track_count").asInt()).isPositive();
        }
    }

    @Test
    void clientIdIsRequiredAndRotationInvalidatesTheOldOne() throws IOException {
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(SMALL, 0)) {
            SimHttp http = new SimHttp(sim);
            String path = "/users/" + World.generate(SMALL).userId[0];
            HttpResponse<String> missing = http.getRaw(path);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(SimHttp.parse(missing.body()).get("code").asInt()).isEqualTo(401);
            assertThat(http.getRaw(path + "?client_id=wrong").statusCode()).isEqualTo(401);

            String old = sim.clientId();
            assertThat(old).matches("[A-Za-z0-9]{32}");
            assertThat(hydratedId(http)).isEqualTo(old);
            assertThat(http.getRaw(path + "?client_id=" + old).statusCode()).isEqualTo(200);

            sim.rotateClientId();
            String fresh = sim.clientId();
            assertThat(fresh).isNotEqualTo(old).matches("[A-Za-z0-9]{32}");
            assertThat(http.getRaw(path + "?client_id=" + old).statusCode()).isEqualTo(401);
            assertThat(http.getRaw(path + "?client_id=" + fresh).statusCode()).isEqualTo(200);
            assertThat(hydratedId(http)).isEqualTo(fresh);
            assertThat(assetIds(http)).containsExactly(fresh);
        }
    }

    @Test
    void withoutHydrationTheIdIsOnlyInAnAsset() throws IOException {
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(SMALL.withHydration(false), 0)) {
            SimHttp http = new SimHttp(sim);
            String home = http.getRaw("/").body();
            assertThat(home).contains("window.__sc_hydration = [").doesNotContain("apiClient");
            assertThat(home).doesNotContain(sim.clientId());
            assertThat(assetIds(http)).containsExactly(sim.clientId());
        }
    }

    @Test
    void homePageAndAssetsAreServedAsHtmlAndJavascript() throws IOException {
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(SMALL, 0)) {
            SimHttp http = new SimHttp(sim);
            HttpResponse<String> home = http.getRaw("/");
            assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            List<String> scripts = scriptSources(home.body());
            assertThat(scripts).hasSizeGreaterThan(5).allMatch(src -> src.startsWith(sim.baseUrl() + "/assets/"));
            HttpResponse<String> asset = http.getUrl(scripts.get(0));
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).hasValue("application/javascript; charset=utf-8");
            assertThat(http.getRaw("/assets/missing.js").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void truthFileListsEveryArtistWithQuotedSceneNames(@TempDir Path dir) throws IOException {
        SimParams params = SMALL.withScenes(14);
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(params, 0)) {
            Path csv = dir.resolve("truth.csv");
            sim.writeTruth(csv);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("permalink,scene");
            assertThat(lines).hasSize(params.artists() + 1);
            assertThat(lines).contains(firstArtistOf(sim, "slowed, reverb") + ",\"slowed, reverb\"");
            assertThat(lines.subList(1, lines.size()))
                    .allMatch(line -> line.matches("[a-z0-9_-]+,(\"[^\"]*\"|[^,\"]+)"));
            assertThat(sim.truth()).hasSize(params.artists());
            assertThat(sim.truth().values()).contains("hyperpop", "slowed, reverb");
        }
        assertThat(SimulatedSoundCloud.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SimulatedSoundCloud.csvField("plain")).isEqualTo("plain");
    }

    private static String firstArtistOf(SimulatedSoundCloud sim, String scene) {
        return sim.truth().entrySet().stream()
                .filter(e -> e.getValue().equals(scene))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private static String hydratedId(SimHttp http) {
        Matcher m = HYDRATED_ID.matcher(http.getRaw("/").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<String> scriptSources(String html) {
        return SCRIPT_SRC.matcher(html).results().map(r -> r.group(1)).toList();
    }

    /** The client ids found in the home page's assets, scanned as clients do. */
    private static List<String> assetIds(SimHttp http) {
        return scriptSources(http.getRaw("/").body()).stream()
                .flatMap(src ->
                        ASSET_ID.matcher(http.getUrl(src).body()).results().map(r -> r.group(1)))
                .toList();
    }
}
