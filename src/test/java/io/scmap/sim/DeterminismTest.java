package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final SimParams PARAMS =
            SimParams.DEFAULTS.withArtists(120).withScenes(4).withSeed(17);
    private static final Pattern SCRIPT_SRC = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+\\.js)\"");

    /** Bodies of a fixed crawl-like request sequence, with the server's base URL replaced by BASE. */
    private static List<String> crawl(SimParams params, List<String> seeds) throws IOException {
        List<String> bodies = new ArrayList<>();
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(params, 0)) {
            SimHttp http = new SimHttp(sim);
            String base = sim.baseUrl().toString();
            String home = http.getRaw("/").body();
            bodies.add(home.replace(base, "BASE"));
            SCRIPT_SRC
                    .matcher(home)
                    .results()
                    .forEach(m -> bodies.add(http.getUrl(m.group(1)).body().replace(base, "BASE")));
            for (String seed : seeds) {
                String profile = http.api("/resolve?url=" + SimHttp.encode("https://soundcloud.com/" + seed))
                        .body();
                bodies.add(profile);
                if (!profile.startsWith("{\"avatar_url\"")) {
                    continue;
                }
                long id = SimHttp.parse(profile).get("id").asLong();
                for (String list : List.of("tracks", "likes", "comments", "followings")) {
                    addTwoPages(http, "/users/" + id + "/" + list + "?limit=3", base, bodies);
                }
                addTwoPages(http, "/stream/users/" + id + "/reposts?limit=3", base, bodies);
            }
        }
        return bodies;
    }

    private static void addTwoPages(SimHttp http, String first, String base, List<String> bodies) {
        String body = http.api(first).body();
        bodies.add(body.replace(base, "BASE"));
        JsonNode next = SimHttp.parse(body).get("next_href");
        if (!next.isNull()) {
            bodies.add(http.getUrl(http.withClientId(next.asText())).body().replace(base, "BASE"));
        }
    }

    @Test
    void sameSeedServesByteIdenticalResponses() throws IOException {
        List<String> seeds = World.generate(PARAMS).seedPermalinks(6);
        List<String> first = crawl(PARAMS, seeds);
        List<String> second = crawl(PARAMS, seeds);
        assertThat(first).hasSizeGreaterThan(50);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("response %d", i).isEqualTo(first.get(i));
        }
    }

    @Test
    void differentSeedsServeDifferentWorlds() throws IOException {
        List<String> seeds = World.generate(PARAMS).seedPermalinks(3);
        List<String> first = crawl(PARAMS, seeds);
        List<String> other = crawl(PARAMS.withSeed(18), seeds);
        assertThat(other.get(0)).isNotEqualTo(first.get(0));
        assertThat(other).isNotEqualTo(first);
    }
}
