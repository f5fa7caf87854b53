package io.scmap.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.crawl.CrawlLedger.AccountState;
import io.scmap.source.InteractionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrontierTest {

    @Test
    void pollsTheHighestScoreAndBreaksTiesByFirstSeen() {
        Frontier frontier = new Frontier(InteractionWeights.DEFAULTS);
        frontier.addInteraction(7, "seven", InteractionType.LIKE); // 1
        frontier.addInteraction(3, "three", InteractionType.LIKE); // 1, seen after seven
        frontier.addInteraction(5, "five", InteractionType.FOLLOW); // 3
        frontier.addInteraction(3, "three", InteractionType.LIKE); // 2

        assertThat(polls(frontier)).containsExactly(5L, 3L, 7L);
    }

    @Test
    void leavesDoneAndSkippedAccountsOut() {
        Frontier frontier = new Frontier(InteractionWeights.DEFAULTS);
        frontier.replay(1, "one", AccountState.DONE, new int[] {9, 9, 9, 9});
        frontier.replay(2, "two", AccountState.OPEN, new int[] {1, 0, 0, 0});
        frontier.replay(3, "three", AccountState.SKIPPED, new int[] {5, 0, 0, 0});
        frontier.addInteraction(1, "one", InteractionType.FOLLOW);
        frontier.addInteraction(4, "four", InteractionType.COMMENT);
        frontier.finish(4, "four", AccountState.SKIPPED);

        assertThat(frontier.done()).isEqualTo(1);
        assertThat(frontier.skipped()).isEqualTo(2);
        assertThat(polls(frontier)).containsExactly(2L);
        assertThatThrownBy(() -> frontier.finish(9, "nine", AccountState.OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Random operations against a model that rescans every account for the best one. */
    @Test
    void agreesWithARescanUnderRandomOperations() {
        InteractionWeights weights = new InteractionWeights(0.1, 0.7, 0.3, 1.9);
        SplittableRandom random = new SplittableRandom(42);
        Frontier frontier = new Frontier(weights);
        Map<Long, int[]> counts = new HashMap<>();
        List<Long> seenOrder = new ArrayList<>();
        Map<Long, AccountState> states = new HashMap<>();
        InteractionType[] types = InteractionType.values();

        for (int step = 0; step < 6_000; step++) {
            int op = random.nextInt(10);
            if (op < 7) {
                long id = random.nextLong(3000) * 7919;
                InteractionType type = types[random.nextInt(types.length)];
                frontier.addInteraction(id, "p" + id, type);
                if (!states.containsKey(id)) {
                    states.put(id, AccountState.OPEN);
                    seenOrder.add(id);
                    counts.put(id, new int[4]);
                }
                counts.get(id)[TypeIndex.of(type)]++;
            } else if (op < 9) {
                long expected = modelBest(seenOrder, states, counts, weights);
                int best = frontier.pollBest();
                assertThat(best < 0 ? -1 : frontier.id(best))
                        .as("step %d", step)
                        .isEqualTo(expected);
                if (best >= 0) {
                    AccountState outcome = random.nextBoolean() ? AccountState.DONE : AccountState.SKIPPED;
                    frontier.finish(expected, "p" + expected, outcome);
                    states.put(expected, outcome);
                }
            } else if (!seenOrder.isEmpty()) {
                long id = seenOrder.get(random.nextInt(seenOrder.size()));
                frontier.finish(id, "p" + id, AccountState.DONE);
                states.put(id, AccountState.DONE);
            }
            assertThat(frontier.size()).isEqualTo((int)
                    states.values().stream().filter(s -> s == AccountState.OPEN).count());
        }
    }

    private static long modelBest(
            List<Long> seenOrder, Map<Long, AccountState> states, Map<Long, int[]> counts, InteractionWeights w) {
        long best = -1;
        double bestScore = -1;
        for (long id : seenOrder) {
            double score = w.score(counts.get(id));
            if (states.get(id) == AccountState.OPEN && score > bestScore) {
                best = id;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<Long> polls(Frontier frontier) {
        List<Long> ids = new ArrayList<>();
        for (int best = frontier.pollBest(); best >= 0; best = frontier.pollBest()) {
            ids.add(frontier.id(best));
        }
        return ids;
    }
}
