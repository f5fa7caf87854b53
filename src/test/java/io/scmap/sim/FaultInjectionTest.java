package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final SimParams FAULTY =
            SimParams.DEFAULTS.withArtists(150).withScenes(5).withSeed(3).withErrorRate(0.3);

    /** What one attempt met. */
    enum Outcome {
        OK,
        RETRY_AFTER_0,
        RETRY_AFTER_1,
        TOO_MANY_WITHOUT_RETRY_AFTER,
        STATUS_500,
        STATUS_502,
        STATUS_503,
        TRUNCATED,
        SLOW
    }

    private static List<String> requests(World world) {
        List<String> paths = new ArrayList<>();
        for (int u = 0; paths.size() < 200 && u < world.artistCount; u++) {
            if (world.deleted[u]) {
                continue;
            }
            long id = world.userId[u];
            paths.add("/users/" + id);
            paths.add("/users/" + id + "/likes?limit=10&linked_partitioning=1");
            paths.add("/users/" + id + "/followings?limit=10");
            paths.add("/stream/users/" + id + "/reposts?limit=5");
        }
        return paths;
    }

    /** Retries one request naively (at once, ignoring Retry-After) until it succeeds; returns every outcome. */
    private static List<Outcome> retryUntilSuccess(SimHttp http, String path) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.api(path);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Outcome outcome = classify(response, millis);
            outcomes.add(outcome);
            if (outcome == Outcome.OK || outcome == Outcome.SLOW) {
                return outcomes;
            }
        }
        return outcomes;
    }

    private static Outcome classify(HttpResponse<String> response, long millis) {
        String retryAfter = response.headers().firstValue("Retry-After").orElse("");
        return switch (response.statusCode()) {
            case 429 ->
                retryAfter.isEmpty()
                        ? Outcome.TOO_MANY_WITHOUT_RETRY_AFTER
                        : retryAfter.equals("0") ? Outcome.RETRY_AFTER_0 : Outcome.RETRY_AFTER_1;
            case 500 -> Outcome.STATUS_500;
            case 502 -> Outcome.STATUS_502;
            case 503 -> Outcome.STATUS_503;
            case 200 -> parses(response.body()) ? (millis >= 195 ? Outcome.SLOW : Outcome.OK) : Outcome.TRUNCATED;
            default -> throw new AssertionError("unexpected status " + response.statusCode());
        };
    }

    private static boolean parses(String body) {
        try {
            SimHttp.JSON.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<List<Outcome>> runAll(SimulatedSoundCloud sim, List<String> paths)
            throws InterruptedException, ExecutionException {
        SimHttp http = new SimHttp(sim);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (String path : paths) {
                futures.add(pool.submit(() -> retryUntilSuccess(http, path)));
            }
            List<List<Outcome>> all = new ArrayList<>();
            for (Future<List<Outcome>> future : futures) {
                all.add(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void naiveRetriesAlwaysSucceedAndEveryFaultKindOccurs() throws Exception {
        List<String> paths = requests(World.generate(FAULTY));
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(FAULTY, 0)) {
            List<List<Outcome>> all = runAll(sim, paths);
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            int attempts = 0;
            for (List<Outcome> outcomes : all) {
                Outcome last = outcomes.get(outcomes.size() - 1);
                assertThat(last).isIn(Outcome.OK, Outcome.SLOW);
                assertThat(outcomes).hasSizeLessThanOrEqualTo(FaultInjector.MAX_FAULTS_IN_A_ROW + 1);
                outcomes.forEach(o -> counts.merge(o, 1, Integer::sum));
                attempts += outcomes.size();
            }
            assertThat(counts.keySet()).as("outcomes %s", counts).containsExactlyInAnyOrder(Outcome.values());
            int failures = attempts - counts.get(Outcome.OK) - counts.get(Outcome.SLOW);
            assertThat((double) failures / attempts).isBetween(0.15, 0.40);
        }
    }

    @Test
    void theSameRequestSequenceMeetsTheSameFaults() throws Exception {
        List<String> paths = requests(World.generate(FAULTY)).subList(0, 40);
        List<List<Outcome>> first;
        List<List<Outcome>> second;
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(FAULTY, 0)) {
            first = runAll(sim, paths);
        }
        try (SimulatedSoundCloud sim = SimulatedSoundCloud.start(FAULTY, 0)) {
            second = runAll(sim, paths);
        }
        assertThat(withoutTiming(second)).isEqualTo(withoutTiming(first));
        assertThat(withoutTiming(first)).anyMatch(outcomes -> outcomes.size() > 1);
    }

    /** Outcomes with SLOW folded into OK: slowness is scheduled, but measured by a clock. */
    private static List<List<Outcome>> withoutTiming(List<List<Outcome>> all) {
        return all.stream()
                .map(list -> list.stream()
                        .map(o -> o == Outcome.SLOW ? Outcome.OK : o)
                        .toList())
                .toList();
    }

    @Test
    void noFaultsWhenTheRateIsZero() {
        FaultInjector none = new FaultInjector(0.0, 1);
        FaultInjector always = new FaultInjector(1.0, 1);
        List<FaultInjector.Fault> run = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            assertThat(none.next("/users/1")).isEqualTo(FaultInjector.Fault.NONE);
            run.add(always.next("/users/1"));
        }
        // at rate 1 every fourth attempt is forced through after three failures in a row
        for (int i = 0; i < run.size(); i++) {
            if (!run.get(i).fails) {
                continue;
            }
            int inARow = 0;
            for (int j = i; j >= 0 && run.get(j).fails; j--) {
                inARow++;
            }
            assertThat(inARow).isLessThanOrEqualTo(FaultInjector.MAX_FAULTS_IN_A_ROW);
        }
        assertThat(run).anyMatch(f -> f.fails);
    }
}
