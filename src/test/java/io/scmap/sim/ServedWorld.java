package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated SoundCloud served on loopback for a test class, with a client for it and the world it
 * serves (generated again from the same parameters, so tests can compare answers with the truth).
 * Register it as a static extension: it starts before the class's tests and stops after them.
 */
final class ServedWorld implements BeforeAllCallback, AfterAllCallback {
    private final SimParams params;

    @SuppressWarnings("NullAway.Init")
    SimulatedSoundCloud sim;

    @SuppressWarnings("NullAway.Init")
    SimHttp http;

    @SuppressWarnings("NullAway.Init")
    World world;

    ServedWorld(SimParams params) {
        this.params = params;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        world = World.generate(params);
        sim = SimulatedSoundCloud.start(params, 0);
        http = new SimHttp(sim);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sim != null) {
            sim.close();
        }
    }

    /** The first artist who is not deleted and meets {@code condition}. */
    int artist(Predicate<Integer> condition) {
        for (int u = 0; u < world.artistCount; u++) {
            if (!world.deleted[u] && condition.test(u)) {
                return u;
            }
        }
        throw new AssertionError("no artist fits");
    }

    /** Follows next_href (re-appending the client id) from the first page; returns every page. */
    List<JsonNode> walk(String firstPathAndQuery) {
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

    /** Every item of a paged list. */
    List<JsonNode> items(String firstPathAndQuery) {
        return items(walk(firstPathAndQuery));
    }

    static List<JsonNode> items(List<JsonNode> pages) {
        List<JsonNode> items = new ArrayList<>();
        pages.forEach(page -> page.get("collection").forEach(items::add));
        return items;
    }
}
