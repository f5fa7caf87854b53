package io.scmap.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorldTest {
    private static World world;

    @BeforeAll
    static void generateDefaultWorld() {
        world = World.generate(SimParams.DEFAULTS);
    }

    @Test
    void sameSeedGivesTheSameWorldAndOtherSeedsDiffer() {
        SimParams small = SimParams.DEFAULTS.withArtists(400);
        World a = World.generate(small);
        World b = World.generate(small);
        World c = World.generate(small.withSeed(43));
        assertThat(b.userId).isEqualTo(a.userId);
        assertThat(b.displayName).isEqualTo(a.displayName);
        assertThat(b.trackCreated).isEqualTo(a.trackCreated);
        for (int u = 0; u < a.artistCount; u++) {
            assertThat(b.activity(u).likes).isEqualTo(a.activity(u).likes);
            assertThat(b.activity(u).followings).isEqualTo(a.activity(u).followings);
        }
        assertThat(b.statistics()).isEqualTo(a.statistics());
        assertThat(c.userId).isNotEqualTo(a.userId);
        assertThat(c.truth()).isNotEqualTo(a.truth());
    }

    @Test
    void privateArtistsAreOnlyFlaggedNeverSeedsAndChangeNothingElse() {
        SimParams open = SimParams.DEFAULTS.withArtists(600).withScenes(4);
        World plain = World.generate(open);
        World hiding = World.generate(open.withPrivateShare(0.1));

        assertThat(hiding.userId).isEqualTo(plain.userId);
        assertThat(hiding.displayName).isEqualTo(plain.displayName);
        assertThat(hiding.trackCreated).isEqualTo(plain.trackCreated);
        for (int u = 0; u < plain.artistCount; u++) {
            assertThat(hiding.activity(u).likes).isEqualTo(plain.activity(u).likes);
            assertThat(hiding.activity(u).followings).isEqualTo(plain.activity(u).followings);
        }
        assertThat(plain.privatePermalinks()).isEmpty();
        List<String> hidden = hiding.privatePermalinks();
        assertThat(hidden.size()).isBetween(40, 80); // about 10% of 600 live artists
        for (int u = 0; u < hiding.userCount(); u++) {
            if (hiding.privateLists[u]) {
                assertThat(u).isLessThan(hiding.artistCount);
                assertThat(hiding.deleted[u]).isFalse();
            }
        }
        assertThat(hiding.seedPermalinks(40))
                .doesNotContainAnyElementsOf(hidden)
                .hasSize(40);
        assertThat(World.generate(open.withPrivateShare(0.1)).privatePermalinks())
                .isEqualTo(hidden);
    }

    @Test
    void generatesThreeThousandArtistsInWellUnderTwoSecondsOfCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        World generated = World.generate(SimParams.DEFAULTS.withSeed(7));
        long cpuMillis = (threads.getCurrentThreadCpuTime() - before) / 1_000_000;
        assertThat(generated.artistCount).isEqualTo(3000);
        assertThat(cpuMillis).isLessThan(2000);
    }

    @Test
    void countsMatchTheParameters() {
        assertThat(world.artistCount).isEqualTo(3000);
        assertThat(world.userCount()).isEqualTo(4000);
        assertThat(world.sceneNames).hasSize(12).doesNotHaveDuplicates().contains("hyperpop", "cloud rap", "drill");
        assertThat(world.truth()).hasSize(3000);
        assertThat(new HashSet<>(world.truth().values())).hasSize(12);
        int deleted = 0;
        int noTracks = 0;
        for (int u = 0; u < world.artistCount; u++) {
            deleted += world.deleted[u] ? 1 : 0;
            noTracks += world.tracksOf(u) == 0 ? 1 : 0;
        }
        assertThat(deleted).isBetween(30, 105);
        assertThat(noTracks).isBetween(60, 135);
    }

    @Test
    void idsAndPermalinksAreUniqueAndWellFormed() {
        Set<Long> ids = new HashSet<>();
        Set<String> links = new HashSet<>();
        for (int u = 0; u < world.userCount(); u++) {
            assertThat(world.userId[u]).isBetween(100_000L, 9_999_999_999L);
            assertThat(world.permalink[u]).matches("[a-z0-9_-]{3,60}");
            ids.add(world.userId[u]);
            links.add(world.permalink[u]);
        }
        assertThat(ids).hasSize(world.userCount());
        assertThat(links).hasSize(world.userCount());
        assertThat(Arrays.stream(world.trackId).distinct().count()).isEqualTo(world.trackCount());
    }

    @Test
    void displayNamesIncludeHostileAndUnicodeText() {
        Map<String, Integer> byName = new HashMap<>();
        for (int u = 0; u < world.artistCount; u++) {
            byName.put(world.displayName[u], u);
        }
        for (String hostile :
                List.of("<img src=x onerror=alert(1)>", "\"quoted\" & <b>bold</b>", "'; DROP TABLE accounts;--")) {
            assertThat(byName).containsKey(hostile);
            int u = byName.get(hostile);
            assertThat(world.deleted[u]).isFalse();
            assertThat(world.tracksOf(u)).isPositive();
        }
        assertThat(byName.keySet()).anyMatch(name -> name.length() > 200);
        assertThat(byName.keySet()).anyMatch(name -> name.chars().anyMatch(c -> c >= 0x00C0 && c <= 0x017F));
        assertThat(byName.keySet()).anyMatch(name -> name.chars().anyMatch(c -> c >= 0x3040 && c <= 0x9FFF));
        assertThat(byName.keySet()).anyMatch(name -> name.codePoints().anyMatch(c -> c >= 0x1F300));
        assertThat(byName.keySet()).anyMatch(name -> name.chars().anyMatch(c -> c >= 0x0590 && c <= 0x06FF));
    }

    @Test
    void allSixGenerationsOccur() {
        int[] eras = new int[6];
        for (int u = 0; u < world.artistCount; u++) {
            int n = world.tracksOf(u);
            if (n == 0) {
                continue;
            }
            long[] times = Arrays.copyOfRange(world.trackCreated, world.trackStart[u], world.trackStart[u] + n);
            Arrays.sort(times);
            int year = Times.year(times[(int) Math.floor(0.15 * (n - 1))]);
            eras[year < 2013 ? 0 : year <= 2014 ? 1 : year <= 2016 ? 2 : year <= 2018 ? 3 : year <= 2020 ? 4 : 5]++;
        }
        assertThat(Arrays.stream(eras).min().orElseThrow())
                .as("artists per era %s", Arrays.toString(eras))
                .isGreaterThan(150);
    }

    @Test
    void interactionsAreNewestFirstUniqueAndNeverSelf() {
        for (int u = 0; u < world.artistCount; u++) {
            Activity a = world.activity(u);
            for (long[] list : List.of(a.likes, a.comments, a.reposts, a.followings)) {
                for (int i = 1; i < list.length; i++) {
                    assertThat(Activity.time(list[i])).isLessThanOrEqualTo(Activity.time(list[i - 1]));
                }
                for (long item : list) {
                    assertThat(Activity.time(item)).isBetween(0L, WorldGenerator.END);
                }
            }
            assertThat(Arrays.stream(a.likes).map(Activity::object).distinct().count())
                    .isEqualTo(a.likes.length);
            assertThat(Arrays.stream(a.reposts).map(Activity::object).distinct().count())
                    .isEqualTo(a.reposts.length);
            assertThat(Arrays.stream(a.followings)
                            .map(Activity::object)
                            .distinct()
                            .count())
                    .isEqualTo(a.followings.length);
            for (long item : a.followings) {
                assertThat(Activity.object(item)).isNotEqualTo(u);
            }
        }
    }

    @Test
    void mostTargetsAreInTheArtistsOwnScene() {
        long inScene = 0;
        long all = 0;
        for (int u = 0; u < world.artistCount; u++) {
            for (Map.Entry<Integer, Integer> target : rowOf(u).entrySet()) {
                all += target.getValue();
                inScene += world.scene[target.getKey()] == world.scene[u] ? target.getValue() : 0;
            }
        }
        assertThat((double) inScene / all).isGreaterThan(0.75);
    }

    @Test
    void rowsPassTheReferenceFilters() {
        int passing = 0;
        double weightSum = 0;
        for (int u = 0; u < world.artistCount; u++) {
            Map<Integer, Integer> row = rowOf(u);
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            int largest =
                    row.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            weightSum += total;
            if (total > 40 && largest < 0.4 * total) {
                passing++;
            }
        }
        assertThat(weightSum / world.artistCount).isGreaterThan(150);
        assertThat(passing).isGreaterThan((int) (0.98 * world.artistCount));
    }

    @Test
    void activityIsHeavyTailed() {
        int over500 = 0;
        int typical = 0;
        for (int u = 0; u < world.artistCount; u++) {
            Activity a = world.activity(u);
            int total = a.likes.length + a.comments.length + a.reposts.length + a.followings.length;
            typical += total >= 55 && total <= 400 ? 1 : 0;
            boolean big = a.likes.length > 500 || a.followings.length > 500 || a.reposts.length > 500;
            over500 += big ? 1 : 0;
        }
        assertThat(typical).isGreaterThan(world.artistCount * 3 / 4);
        assertThat(over500).isBetween(3, 300);
    }

    @Test
    void listenersAndDeletedAccountsAppearOnlyAsTargets() {
        Set<Integer> followed = new HashSet<>();
        Set<Integer> playlistOwners = new HashSet<>();
        for (int u = 0; u < world.artistCount; u++) {
            Activity a = world.activity(u);
            Arrays.stream(a.followings).forEach(item -> followed.add(Activity.object(item)));
            for (long item : a.likes) {
                int ref = Activity.object(item);
                if (world.isPlaylistRef(ref)) {
                    playlistOwners.add(world.ownerOfRef(ref));
                }
            }
        }
        for (int u = world.artistCount; u < world.userCount(); u++) {
            assertThat(world.tracksOf(u)).isZero();
            assertThat(world.activity(u).likes).isEmpty();
        }
        assertThat(followed).anyMatch(u -> !world.isArtist(u));
        assertThat(followed).anyMatch(u -> world.deleted[u]);
        assertThat(playlistOwners).anyMatch(u -> !world.isArtist(u));
    }

    @Test
    void seedsAreLiveArtistsWithTracksSpreadOverScenes() {
        List<String> seeds = world.seedPermalinks(24);
        assertThat(seeds).hasSize(24).doesNotHaveDuplicates();
        Map<Integer, Integer> perScene = new HashMap<>();
        for (String seed : seeds) {
            int u = world.userIndexByPermalink(seed);
            assertThat(world.isArtist(u)).isTrue();
            assertThat(world.deleted[u]).isFalse();
            assertThat(world.tracksOf(u)).isPositive();
            perScene.merge(world.scene[u], 1, Integer::sum);
        }
        assertThat(perScene)
                .hasSize(12)
                .allSatisfy((scene, count) -> assertThat(count).isEqualTo(2));
        assertThat(world.seedPermalinks(5)).isEqualTo(seeds.subList(0, 5));
    }

    @Test
    void sceneNamesAreDistinctBeyondTheBuiltInList() {
        List<String> names = SceneNames.names(100);
        assertThat(names).hasSize(100).doesNotHaveDuplicates();
        assertThat(names.get(12)).contains(",");
    }

    /** Target to reference weight over the newest 500 interactions of each type, as the crawler sees them. */
    private static Map<Integer, Integer> rowOf(int u) {
        Map<Integer, Integer> row = new HashMap<>();
        Activity a = world.activity(u);
        long[][] lists = {a.likes, a.comments, a.reposts, a.followings};
        for (int type = 0; type < lists.length; type++) {
            for (int i = 0; i < Math.min(500, lists[type].length); i++) {
                int object = Activity.object(lists[type][i]);
                int target = type == 3 ? object : type == 1 ? world.trackOwner[object] : world.ownerOfRef(object);
                row.merge(target, type == 0 ? 1 : 3, Integer::sum);
            }
        }
        return row;
    }
}
