package io.scmap.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates every artist's likes, comments, reposts and followings.
 *
 * <p>Steps per artist: draw a heavy-tailed total (log-normal around {@link SimParams#medianActivity()},
 * at least 60), split it over the four types with jittered shares, then draw each interaction's target:
 * with probability {@link SimParams#sceneAffinity()} from the artist's own scene, otherwise from everyone,
 * in both cases with probability proportional to {@code (followers + 1)^alpha}. Likes, reposts and
 * followings are unique per object; comments may repeat on one track. Times fall between the later of the
 * artist's start and the object's creation, and {@link World#END}. Each artist draws from its own split of
 * the random generator, so the result is deterministic.
 */
final class ActivityGenerator {
    private static final double[] BASE_SHARES = {0.40, 0.11, 0.17, 0.32};
    private static final int MIN_TOTAL = 60;
    private static final int MAX_TOTAL = 3000;
    private static final int ATTEMPTS = 12;

    private final SimParams params;
    private final WorldGenerator.Parts parts;
    private final int trackCount;
    private final Pool[] trackOwners;
    private final Pool[] playlistOwners;
    private final Pool[] followable;
    private final int[] objectStamp;
    private final int[] userStamp;

    ActivityGenerator(SimParams params, WorldGenerator.Parts parts) {
        this.params = params;
        this.parts = parts;
        this.trackCount = parts.trackOwner.length;
        int users = parts.scene.length;
        double[] weight = new double[users];
        boolean[] ownsTracks = new boolean[users];
        boolean[] ownsPlaylists = new boolean[users];
        boolean[] everyone = new boolean[users];
        for (int u = 0; u < users; u++) {
            weight[u] = Math.pow(parts.followers[u] + 1.0, params.popularityExponent());
            ownsTracks[u] = !parts.deleted[u] && parts.trackStart[u + 1] > parts.trackStart[u];
            ownsPlaylists[u] = !parts.deleted[u] && parts.playlistStart[u + 1] > parts.playlistStart[u];
            everyone[u] = true;
        }
        this.trackOwners = pools(ownsTracks, weight);
        this.playlistOwners = pools(ownsPlaylists, weight);
        this.followable = pools(everyone, weight);
        this.objectStamp = new int[trackCount + parts.playlistOwner.length];
        this.userStamp = new int[users];
        Arrays.fill(objectStamp, -1);
        Arrays.fill(userStamp, -1);
    }

    /** Per-scene pools (indices 0..scenes-1) and the global pool (last index) of eligible users. */
    private Pool[] pools(boolean[] eligible, double[] weight) {
        int scenes = params.scenes();
        int[][] members = new int[scenes + 1][eligible.length];
        int[] sizes = new int[scenes + 1];
        for (int u = 0; u < eligible.length; u++) {
            if (eligible[u]) {
                int s = parts.scene[u];
                members[s][sizes[s]++] = u;
                members[scenes][sizes[scenes]++] = u;
            }
        }
        Pool[] pools = new Pool[scenes + 1];
        for (int s = 0; s <= scenes; s++) {
            pools[s] = Pool.of(members[s], sizes[s], weight);
        }
        return pools;
    }

    Activity[] generate(SplittableRandom random) {
        Activity[] activity = new Activity[params.artists()];
        for (int u = 0; u < activity.length; u++) {
            activity[u] = generate(u, random.split());
        }
        return activity;
    }

    private Activity generate(int u, SplittableRandom random) {
        int total = (int) Math.round(params.medianActivity() * Math.exp(0.8 * random.nextGaussian()));
        total = Math.max(MIN_TOTAL, Math.min(MAX_TOTAL, total));
        double[] shares = new double[BASE_SHARES.length];
        double sum = 0;
        for (int t = 0; t < shares.length; t++) {
            shares[t] = BASE_SHARES[t] * Math.exp(0.35 * random.nextGaussian());
            sum += shares[t];
        }
        int[] counts = new int[shares.length];
        for (int t = 0; t < shares.length; t++) {
            counts[t] = (int) Math.round(total * shares[t] / sum);
        }
        counts[3] = Math.min(counts[3], (parts.scene.length - 1) / 2);
        return new Activity(
                objects(u, counts[0], 0.15, 4 * u, random),
                comments(u, counts[1], random),
                objects(u, counts[2], 0.2, 4 * u + 2, random),
                followings(u, counts[3], random));
    }

    /** Likes or reposts: distinct tracks or playlists (with the given playlist share). */
    private long[] objects(int u, int count, double playlistShare, int stamp, SplittableRandom random) {
        long[] out = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int ref = drawObject(u, playlistShare, random);
                if (ref >= 0 && objectStamp[ref] != stamp) {
                    objectStamp[ref] = stamp;
                    out[n++] = Activity.pack(timeAfter(u, createdOf(ref), random), ref);
                    break;
                }
            }
        }
        return newestFirst(out, n);
    }

    private int drawObject(int u, double playlistShare, SplittableRandom random) {
        boolean playlist = random.nextDouble() < playlistShare;
        int owner = drawTarget(u, playlist ? playlistOwners : trackOwners, random);
        if (owner < 0) {
            return -1;
        }
        if (playlist) {
            int from = parts.playlistStart[owner];
            return trackCount + from + random.nextInt(parts.playlistStart[owner + 1] - from);
        }
        int from = parts.trackStart[owner];
        return from + random.nextInt(parts.trackStart[owner + 1] - from);
    }

    /** Comments on tracks; about a third repeat the previous track, so some tracks get several. */
    private long[] comments(int u, int count, SplittableRandom random) {
        long[] out = new long[count];
        int n = 0;
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int track = previous >= 0 && random.nextDouble() < 0.3 ? previous : drawObject(u, 0.0, random);
            if (track >= 0) {
                out[n++] = Activity.pack(timeAfter(u, parts.trackCreated[track], random), track);
                previous = track;
            }
        }
        return newestFirst(out, n);
    }

    /** Distinct followed users; deleted accounts may be among them. */
    private long[] followings(int u, int count, SplittableRandom random) {
        long[] out = new long[count];
        int n = 0;
        int stamp = 4 * u + 3;
        for (int i = 0; i < count; i++) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int target = drawTarget(u, followable, random);
                if (target >= 0 && userStamp[target] != stamp) {
                    userStamp[target] = stamp;
                    out[n++] = Activity.pack(timeAfter(u, parts.userCreated[target], random), target);
                    break;
                }
            }
        }
        return newestFirst(out, n);
    }

    /** A target other than {@code u}: from its scene with the affinity probability, else from anyone. */
    private int drawTarget(int u, Pool[] pools, SplittableRandom random) {
        Pool own = pools[parts.scene[u]];
        Pool everyone = pools[pools.length - 1];
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Pool pool = random.nextDouble() < params.sceneAffinity() && own.size() > 1 ? own : everyone;
            if (pool.isEmpty()) {
                return -1;
            }
            int target = pool.draw(random);
            if (target != u) {
                return target;
            }
        }
        return -1;
    }

    private long createdOf(int ref) {
        return ref >= trackCount ? parts.playlistCreated[ref - trackCount] : parts.trackCreated[ref];
    }

    /** A time after both the artist's start and {@code notBefore}, before the end of the world. */
    private long timeAfter(int u, long notBefore, SplittableRandom random) {
        long from = Math.min(Math.max(parts.userStart[u], notBefore), WorldGenerator.END - 3600);
        return from + random.nextLong(WorldGenerator.END - from);
    }

    private static long[] newestFirst(long[] values, int n) {
        long[] kept = Arrays.copyOf(values, n);
        Arrays.sort(kept);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            long swap = kept[i];
            kept[i] = kept[j];
            kept[j] = swap;
        }
        return kept;
    }
}
