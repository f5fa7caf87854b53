package io.scmap.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a {@link World} from {@link SimParams} in named steps: scenes, users, tracks, playlists,
 * each artist's interactions ({@link ActivityGenerator}), then who keeps their lists private. Every step draws from its own
 * {@link SplittableRandom} split off the seed, so the world is a pure function of the parameters.
 * Runs in O(users + tracks + interactions * log(users)) time; 3000 artists take well under a second.
 */
final class WorldGenerator {
    static final Activity NO_ACTIVITY = new Activity(new long[0], new long[0], new long[0], new long[0]);
    static final long YEAR = Duration.ofDays(365).toSeconds();
    /** {@link World#END} in seconds since {@link World#EPOCH}. */
    static final long END = World.END.getEpochSecond() - World.EPOCH.getEpochSecond();

    private static final int FIRST_YEAR = 2008;
    private static final int LAST_START_YEAR = 2025;

    /** The arrays a world is made of, filled step by step. */
    @SuppressWarnings("NullAway.Init")
    static final class Parts {
        SimParams params;
        List<String> sceneNames;
        long[] userId;
        String[] permalink;
        String[] displayName;
        int[] scene;
        int[] followers;
        long[] userCreated;
        long[] userStart;
        boolean[] deleted;
        boolean[] noTracks;
        boolean[] emptyPage;
        boolean[] privateLists;
        int[] city;
        int[] trackStart;
        int[] playlistStart;
        long[] trackId;
        int[] trackOwner;
        long[] trackCreated;
        int[] trackDuration;
        String[] trackTitle;
        String[] trackPermalink;
        int[] trackLikes;
        long[] playlistId;
        int[] playlistOwner;
        long[] playlistCreated;
        String[] playlistTitle;
        String[] playlistPermalink;
        int[] playlistTrackCount;
        Activity[] activity;
    }

    private final SimParams params;
    private final SplittableRandom root;
    private final Parts parts = new Parts();

    WorldGenerator(SimParams params) {
        this.params = params;
        this.root = new SplittableRandom(params.seed());
    }

    World generate() {
        parts.params = params;
        parts.sceneNames = SceneNames.names(params.scenes());
        generateUsers(root.split());
        nameUsers(root.split());
        generateTracks(root.split());
        generatePlaylists(root.split());
        parts.activity = new ActivityGenerator(params, parts).generate(root.split());
        parts.privateLists = privateLists(root.split());
        return new World(parts);
    }

    /**
     * Which artists keep their tracks and lists private: each live artist with probability {@link
     * SimParams#privateShare()}. Drawn last, from a stream of its own, so that it changes nothing else.
     */
    private boolean[] privateLists(SplittableRandom random) {
        boolean[] hidden = new boolean[parts.userId.length];
        if (params.privateShare() > 0) {
            for (int u = 0; u < params.artists(); u++) {
                hidden[u] = !parts.deleted[u] && random.nextDouble() < params.privateShare();
            }
        }
        return hidden;
    }

    private void generateUsers(SplittableRandom random) {
        int artists = params.artists();
        int users = artists + params.listeners();
        parts.scene = new int[users];
        parts.followers = new int[users];
        parts.userCreated = new long[users];
        parts.userStart = new long[users];
        parts.deleted = new boolean[users];
        parts.noTracks = new boolean[users];
        parts.emptyPage = new boolean[users];
        parts.city = new int[users];
        for (int u = 0; u < artists; u++) {
            parts.scene[u] = u % params.scenes();
        }
        shuffle(parts.scene, artists, random);
        for (int u = 0; u < users; u++) {
            boolean artist = u < artists;
            if (!artist) {
                parts.scene[u] = random.nextInt(params.scenes());
            }
            double logFollowers = artist ? 5.5 + 1.8 * random.nextGaussian() : 2.5 + 1.2 * random.nextGaussian();
            parts.followers[u] = (int) Math.min(50_000_000, Math.exp(logFollowers));
            long start = startTime(parts.scene[u], random);
            parts.userStart[u] = start;
            parts.userCreated[u] = Math.max(0, start - random.nextLong(YEAR));
            parts.deleted[u] = artist && random.nextDouble() < params.deletedRate();
            parts.noTracks[u] = !artist || random.nextDouble() < params.noTrackRate();
            parts.emptyPage[u] = random.nextDouble() < 0.03;
            parts.city[u] = Names.city(random);
        }
        parts.userId = increasingIds(parts.userCreated, 100_000L, 2_000_000_000L / Math.max(users, 1), random);
    }

    /** When a user started uploading: near the scene's peak year most of the time, else any year. */
    private static long startTime(int scene, SplittableRandom random) {
        int year = random.nextDouble() < 0.7
                ? (int) Math.round(SceneNames.peakYear(scene) + 2.5 * random.nextGaussian())
                : FIRST_YEAR + random.nextInt(LAST_START_YEAR - FIRST_YEAR + 1);
        year = Math.max(FIRST_YEAR, Math.min(LAST_START_YEAR, year));
        long start = (long) ((year - FIRST_YEAR) * 365.25 * 86_400) + random.nextLong(YEAR);
        return Math.min(start, END - YEAR / 4);
    }

    private void nameUsers(SplittableRandom random) {
        int users = parts.scene.length;
        parts.displayName = new String[users];
        parts.permalink = new String[users];
        for (int u = 0; u < users; u++) {
            parts.displayName[u] = Names.displayName(random);
        }
        plantHostileNames(random);
        Set<String> taken = new HashSet<>();
        for (int u = 0; u < users; u++) {
            String stem = Names.permalinkStem(parts.displayName[u], random);
            String link = stem;
            char separator = random.nextInt(5) == 0 ? '_' : '-';
            for (int k = 1; !taken.add(link); k++) {
                link = stem + separator + k;
            }
            parts.permalink[u] = link;
        }
    }

    /** Gives the hostile names to live artists with tracks, so a crawl meets them. */
    private void plantHostileNames(SplittableRandom random) {
        int artists = params.artists();
        int planted = 0;
        for (int attempt = 0; planted < Names.HOSTILE.length && attempt < 50 * Names.HOSTILE.length; attempt++) {
            int u = random.nextInt(artists);
            boolean eligible = !parts.deleted[u] && !parts.noTracks[u];
            if (eligible && !Arrays.asList(Names.HOSTILE).contains(parts.displayName[u])) {
                parts.displayName[u] = Names.HOSTILE[planted++];
            }
        }
    }

    private void generateTracks(SplittableRandom random) {
        int users = parts.scene.length;
        int[] counts = new int[users];
        for (int u = 0; u < users; u++) {
            if (!parts.noTracks[u]) {
                counts[u] = (int) Math.max(1, Math.min(600, Math.round(Math.exp(Math.log(9) + random.nextGaussian()))));
            }
        }
        parts.trackStart = offsets(counts);
        int total = parts.trackStart[users];
        parts.trackOwner = new int[total];
        parts.trackCreated = new long[total];
        parts.trackDuration = new int[total];
        parts.trackTitle = new String[total];
        parts.trackPermalink = new String[total];
        parts.trackLikes = new int[total];
        for (int u = 0; u < users; u++) {
            fillTracks(u, random);
        }
        parts.trackId = increasingIds(parts.trackCreated, 100_000_000L, 40_000L, random);
    }

    /** One artist's uploads: spread over an active span after its start, newest first. */
    private void fillTracks(int u, SplittableRandom random) {
        int from = parts.trackStart[u];
        int to = parts.trackStart[u + 1];
        if (from == to) {
            return;
        }
        long start = parts.userStart[u];
        long span = (long) (YEAR * Math.exp(Math.log(4) + 0.6 * random.nextGaussian()));
        long last = Math.min(END - 1, start + Math.max(span, 86_400));
        long[] times = new long[to - from];
        for (int i = 0; i < times.length; i++) {
            times[i] = start + random.nextLong(last - start + 1);
        }
        Arrays.sort(times);
        Set<String> links = new HashSet<>();
        for (int i = 0; i < times.length; i++) {
            int t = from + i;
            parts.trackOwner[t] = u;
            parts.trackCreated[t] = times[times.length - 1 - i];
            parts.trackDuration[t] =
                    random.nextInt(20) == 0 ? 1_800_000 + random.nextInt(5_400_000) : 90_000 + random.nextInt(270_000);
            parts.trackTitle[t] = Names.trackTitle(random);
            parts.trackPermalink[t] = unique(Names.slug(parts.trackTitle[t]), links);
            parts.trackLikes[t] =
                    (int) (parts.followers[u] * 0.05 * Math.exp(random.nextGaussian())) + random.nextInt(5);
        }
    }

    private void generatePlaylists(SplittableRandom random) {
        int users = parts.scene.length;
        int[] counts = new int[users];
        for (int u = 0; u < users; u++) {
            boolean artist = u < params.artists();
            double none = artist ? 0.6 : 0.3;
            counts[u] = random.nextDouble() < none ? 0 : 1 + random.nextInt(artist ? 3 : 4);
        }
        parts.playlistStart = offsets(counts);
        int total = parts.playlistStart[users];
        parts.playlistOwner = new int[total];
        parts.playlistCreated = new long[total];
        parts.playlistTitle = new String[total];
        parts.playlistPermalink = new String[total];
        parts.playlistTrackCount = new int[total];
        for (int u = 0; u < users; u++) {
            int from = parts.playlistStart[u];
            int to = parts.playlistStart[u + 1];
            long[] times = new long[to - from];
            for (int i = 0; i < times.length; i++) {
                times[i] = parts.userCreated[u] + random.nextLong(END - parts.userCreated[u]);
            }
            Arrays.sort(times);
            String genre = SceneNames.genre(parts.sceneNames.get(parts.scene[u]));
            Set<String> links = new HashSet<>();
            for (int i = 0; i < times.length; i++) {
                int p = from + i;
                parts.playlistOwner[p] = u;
                parts.playlistCreated[p] = times[times.length - 1 - i];
                parts.playlistTitle[p] = Names.playlistTitle(random, genre);
                parts.playlistPermalink[p] = unique(Names.slug(parts.playlistTitle[p]), links);
                parts.playlistTrackCount[p] = 2 + random.nextInt(60);
            }
        }
        parts.playlistId = increasingIds(parts.playlistCreated, 10_000_000L, 200_000L, random);
    }

    private static String unique(String stem, Set<String> taken) {
        String base = stem.isEmpty() ? "untitled" : stem;
        String link = base;
        for (int k = 1; !taken.add(link); k++) {
            link = base + "-" + k;
        }
        return link;
    }

    /** Ids that grow with creation time (as SoundCloud's do), unique by construction. */
    private static long[] increasingIds(long[] created, long first, long meanGap, SplittableRandom random) {
        Integer[] order = new Integer[created.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> created[a] != created[b] ? Long.compare(created[a], created[b]) : a - b);
        long[] ids = new long[created.length];
        long next = first;
        for (Integer index : order) {
            next += 1 + random.nextLong(2 * Math.max(1, meanGap));
            ids[index] = next;
        }
        return ids;
    }

    private static int[] offsets(int[] counts) {
        int[] offsets = new int[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            offsets[i + 1] = offsets[i] + counts[i];
        }
        return offsets;
    }

    private static void shuffle(int[] values, int length, SplittableRandom random) {
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
