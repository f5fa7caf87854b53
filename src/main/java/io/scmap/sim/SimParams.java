package io.scmap.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of the simulated SoundCloud: the size and shape of the generated world and the faults its
 * server injects. The world is a pure function of these values; the same parameters give the same world
 * and byte-identical responses.
 *
 * @param artists number of artist accounts (uploaders), the rows a crawl can recover; default 3000
 * @param scenes number of planted scenes the artists are split into (evenly; with more scenes than artists
 *     some stay empty); default 12
 * @param seed seed of every random choice of the world and of the fault schedule; default 42
 * @param errorRate probability in [0, 1] that one API request is answered with a fault (429, 5xx, slow or
 *     truncated response) instead of its data; default 0
 * @param listenerRatio listener accounts (no uploads; only ever targets of interactions) per artist;
 *     default 1/3
 * @param hydration whether the home page hydration carries the {@code apiClient} client id; when false
 *     clients must find it in the JavaScript assets; default true
 * @param sceneAffinity probability in [0, 1] that an interaction targets the artist's own scene rather
 *     than anyone; default 0.8
 * @param popularityExponent exponent alpha of the popularity weighting {@code (followers + 1)^alpha}
 *     used when choosing interaction targets; 0 chooses uniformly; default 0.6
 * @param medianActivity median number of interactions (all four types) per artist; the distribution is
 *     log-normal and clipped to at least 60; default 150
 * @param deletedRate fraction in [0, 1) of artists whose accounts are deleted (404); default 0.02
 * @param noTrackRate fraction in [0, 1) of artists without any public track; default 0.03
 * @param privateShare fraction in [0, 1) of live artists whose tracks and lists (likes, comments,
 *     reposts, followings) answer 403, as SoundCloud answers for private or restricted accounts; their
 *     profiles stay readable and they are never among {@link SimulatedSoundCloud#seedPermalinks}
 *     seeds; default 0 (drawn from a random stream of their own, so 0 leaves the world as it was)
 */
public record SimParams(
        int artists,
        int scenes,
        long seed,
        double errorRate,
        double listenerRatio,
        boolean hydration,
        double sceneAffinity,
        double popularityExponent,
        int medianActivity,
        double deletedRate,
        double noTrackRate,
        double privateShare) {

    /** The world the demo runs on: 3000 artists in 12 scenes, seed 42, no faults. */
    public static final SimParams DEFAULTS =
            new SimParams(3000, 12, 42L, 0.0, 1.0 / 3.0, true, 0.8, 0.6, 150, 0.02, 0.03, 0.0);

    /** Validates every field; the message names the field and the rejected value. */
    public SimParams {
        if (artists < 1) {
            throw new IllegalArgumentException("artists must be >= 1, got " + artists);
        }
        if (scenes < 1 || scenes > 10_000) {
            throw new IllegalArgumentException("scenes must be in [1, 10000], got " + scenes);
        }
        requireUnit("errorRate", errorRate);
        if (!(listenerRatio >= 0.0 && listenerRatio <= 100.0)) {
            throw new IllegalArgumentException("listenerRatio must be in [0, 100], got " + listenerRatio);
        }
        requireUnit("sceneAffinity", sceneAffinity);
        if (!(popularityExponent >= 0.0 && popularityExponent <= 4.0)) {
            throw new IllegalArgumentException("popularityExponent must be in [0, 4], got " + popularityExponent);
        }
        if (medianActivity < 1 || medianActivity > 5000) {
            throw new IllegalArgumentException("medianActivity must be in [1, 5000], got " + medianActivity);
        }
        if (!(deletedRate >= 0.0 && deletedRate < 1.0)) {
            throw new IllegalArgumentException("deletedRate must be in [0, 1), got " + deletedRate);
        }
        if (!(noTrackRate >= 0.0 && noTrackRate < 1.0)) {
            throw new IllegalArgumentException("noTrackRate must be in [0, 1), got " + noTrackRate);
        }
        if (!(privateShare >= 0.0 && privateShare < 1.0)) {
            throw new IllegalArgumentException("privateShare must be in [0, 1), got " + privateShare);
        }
    }

    private static void requireUnit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    /** Number of listener accounts: {@code round(artists * listenerRatio)}. */
    public int listeners() {
        return (int) Math.round(artists * listenerRatio);
    }

    public SimParams withArtists(int value) {
        return new SimParams(
                value,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withScenes(int value) {
        return new SimParams(
                artists,
                value,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withSeed(long value) {
        return new SimParams(
                artists,
                scenes,
                value,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withErrorRate(double value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                value,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withListenerRatio(double value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                value,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withHydration(boolean value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                value,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withSceneAffinity(double value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                value,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withPopularityExponent(double value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                value,
                medianActivity,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withMedianActivity(int value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                value,
                deletedRate,
                noTrackRate,
                privateShare);
    }

    public SimParams withDeletedRate(double value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                value,
                noTrackRate,
                privateShare);
    }

    public SimParams withNoTrackRate(double value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                value,
                privateShare);
    }

    public SimParams withPrivateShare(double value) {
        return new SimParams(
                artists,
                scenes,
                seed,
                errorRate,
                listenerRatio,
                hydration,
                sceneAffinity,
                popularityExponent,
                medianActivity,
                deletedRate,
                noTrackRate,
                value);
    }

    /** The parameters by name, in declaration order, for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("artists", artists);
        map.put("scenes", scenes);
        map.put("seed", seed);
        map.put("errorRate", errorRate);
        map.put("listenerRatio", listenerRatio);
        map.put("hydration", hydration);
        map.put("sceneAffinity", sceneAffinity);
        map.put("popularityExponent", popularityExponent);
        map.put("medianActivity", medianActivity);
        map.put("deletedRate", deletedRate);
        map.put("noTrackRate", noTrackRate);
        map.put("privateShare", privateShare);
        return map;
    }
}
