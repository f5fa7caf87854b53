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
        Frontier frontier = new Frontier(InteractionWeights.DEFAULTS, ExpansionScore.WEIGHTED);
        frontier.addInteraction(7, "seven", -1, InteractionType.LIKE); // 1
        frontier.addInteraction(3, "three", -1, InteractionType.LIKE); // 1, seen after seven
        frontier.addInteraction(5, "five", -1, InteractionType.FOLLOW); // 3
        frontier.addInteraction(3, "three", -1, InteractionType.LIKE); // 2

        assertThat(polls(frontier)).containsExactly(5L, 3L, 7L);
    }

    @Test
    void leavesDoneAndSkippedAccountsOut() {
        Frontier frontier = new Frontier(InteractionWeights.DEFAULTS, ExpansionScore.WEIGHTED);
        frontier.replay(1, "one", -1, AccountState.DONE, new int[] {9, 9, 9, 9});
        frontier.replay(2, "two", -1, AccountState.OPEN, new int[] {1, 0, 0, 0});
        frontier.replay(3, "three", -1, AccountState.SKIPPED, new int[] {5, 0, 0, 0});
        frontier.addInteraction(1, "one", -1, InteractionType.FOLLOW);
        frontier.addInteraction(4, "four", -1, InteractionType.COMMENT);
        frontier.finish(4, "four", AccountState.SKIPPED);

        assertThat(frontier.done()).isEqualTo(1);
        assertThat(frontier.skipped()).isEqualTo(2);
        assertThat(polls(frontier)).containsExactly(2L);
        assertThatThrownBy(() -> frontier.finish(9, "nine", AccountState.OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDiscountedScorePrefersTheSceneAccountOverTheMainstreamOne() {
        for (ExpansionScore rule : ExpansionScore.values()) {
            Frontier frontier = new Frontier(InteractionWeights.DEFAULTS, rule);
            frontier.addInteraction(1, "mainstream", 1_000_000, InteractionType.FOLLOW); // 6 / log2(1e6 + 2) = 0.30
            frontier.addInteraction(1, "mainstream", 1_000_000, InteractionType.REPOST);
            frontier.addInteraction(2, "underground", 50, InteractionType.FOLLOW); // 3 / log2(52) = 0.53
            frontier.addInteraction(3, "unknown", -1, InteractionType.LIKE); // 1 / log2(2) = 1

            assertThat(polls(frontier))
                    .as(rule.code())
                    .containsExactlyElementsOf(
                            rule == ExpansionScore.WEIGHTED ? List.of(1L, 2L, 3L) : List.of(3L, 2L, 1L));
        }
    }

    @Test
    void keepsTheFollowerCountAnAccountWasFirstSeenWith() {
        Frontier frontier = new Frontier(InteractionWeights.DEFAULTS, ExpansionScore.DISCOUNTED);
        frontier.addInteraction(1, "a", 6, InteractionType.LIKE); // 1 / log2(8) = 1/3
        frontier.addInteraction(2, "b", 14, InteractionType.LIKE); // 1 / log2(16) = 1/4
        frontier.addInteraction(2, "b", 0, InteractionType.LIKE); // 2 / 4 = 1/2, not 2 / 1

        assertThat(polls(frontier)).containsExactly(2L, 1L);
    }

    /** Random operations against a model that rescans every account for the best one. */
    @Test
    void agreesWithARescanUnderRandomOperations() {
        for (ExpansionScore rule : ExpansionScore.values()) {
            agreesWithARescan(rule);
        }
    }

    private static void agreesWithARescan(ExpansionScore rule) {
        InteractionWeights weights = new InteractionWeights(0.1, 0.7, 0.3, 1.9);
        SplittableRandom random = new SplittableRandom(42);
        Frontier frontier = new Frontier(weights, rule);
        Map<Long, Long> followers = new HashMap<>();
        Map<Long, int[]> counts = new HashMap<>();
        List<Long> seenOrder = new ArrayList<>();
        Map<Long, AccountState> states = new HashMap<>();
        InteractionType[] types = InteractionType.values();

        for (int step = 0; step < 6_000; step++) {
            int op = random.nextInt(10);
            if (op < 7) {
                long id = random.nextLong(3000) * 7919;
                InteractionType type = types[random.nextInt(types.length)];
                long followerCount = random.nextInt(5) == 0 ? -1 : random.nextLong(2_000_000);
                frontier.addInteraction(id, "p" + id, followerCount, type);
                if (!states.containsKey(id)) {
                    followers.put(id, followerCount);
                    states.put(id, AccountState.OPEN);
                    seenOrder.add(id);
                    counts.put(id, new int[4]);
                }
                counts.get(id)[TypeIndex.of(type)]++;
            } else if (op < 9) {
                long expected = modelBest(seenOrder, states, counts, followers, weights, rule);
                int best = frontier.pollBest();
                assertThat(best < 0 ? -1 : frontier.id(best))
                        .as("%s step %d", rule, step)
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
            List<Long> seenOrder,
            Map<Long, AccountState> states,
            Map<Long, int[]> counts,
            Map<Long, Long> followers,
            InteractionWeights w,
            ExpansionScore rule) {
        long best = -1;
        double bestScore = -1;
        for (long id : seenOrder) {
            double score = rule.of(w.score(counts.get(id)), followers.get(id));
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
