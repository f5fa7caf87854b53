package io.scmap.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated world: users (artists first, then listeners), their tracks and playlists, and every
 * artist's interactions. Immutable once built by {@link WorldGenerator}; safe to read from many threads.
 *
 * <p>Users, tracks and playlists are addressed by dense indices into parallel arrays. Tracks and playlists
 * are grouped by owner, newest first: user {@code u} owns tracks {@code [trackStart[u], trackStart[u+1])}.
 * Likes and reposts refer to objects by reference: a track index, or {@code trackCount + playlist index}.
 */
final class World {
    /** Start of the simulated history; every time is at or after it. */
    static final Instant EPOCH = Instant.parse("2008-01-01T00:00:00Z");
    /** The simulated "now"; every time is before it. Fixed so the world does not depend on the clock. */
    static final Instant END = Instant.parse("2026-04-01T00:00:00Z");

    final SimParams params;
    final List<String> sceneNames;
    final int artistCount;

    final long[] userId;
    final String[] permalink;
    final String[] displayName;
    final int[] scene;
    final int[] followers;
    final long[] userCreated;
    final boolean[] deleted;
    final boolean[] emptyPage;
    /** Users whose tracks and lists answer 403 (private or restricted); their profiles stay readable. */
    final boolean[] privateLists;

    final int[] city;
    final int[] trackStart;
    final int[] playlistStart;

    final long[] trackId;
    final int[] trackOwner;
    final long[] trackCreated;
    final int[] trackDuration;
    final String[] trackTitle;
    final String[] trackPermalink;
    final int[] trackLikes;

    final long[] playlistId;
    final int[] playlistOwner;
    final long[] playlistCreated;
    final String[] playlistTitle;
    final String[] playlistPermalink;
    final int[] playlistTrackCount;

    private final Activity[] activity;
    private final Map<Long, Integer> userById;
    private final Map<String, Integer> userByPermalink;

    World(WorldGenerator.Parts parts) {
        this.params = parts.params;
        this.sceneNames = List.copyOf(parts.sceneNames);
        this.artistCount = parts.params.artists();
        this.userId = parts.userId;
        this.permalink = parts.permalink;
        this.displayName = parts.displayName;
        this.scene = parts.scene;
        this.followers = parts.followers;
        this.userCreated = parts.userCreated;
        this.deleted = parts.deleted;
        this.emptyPage = parts.emptyPage;
        this.privateLists = parts.privateLists;
        this.city = parts.city;
        this.trackStart = parts.trackStart;
        this.playlistStart = parts.playlistStart;
        this.trackId = parts.trackId;
        this.trackOwner = parts.trackOwner;
        this.trackCreated = parts.trackCreated;
        this.trackDuration = parts.trackDuration;
        this.trackTitle = parts.trackTitle;
        this.trackPermalink = parts.trackPermalink;
        this.trackLikes = parts.trackLikes;
        this.playlistId = parts.playlistId;
        this.playlistOwner = parts.playlistOwner;
        this.playlistCreated = parts.playlistCreated;
        this.playlistTitle = parts.playlistTitle;
        this.playlistPermalink = parts.playlistPermalink;
        this.playlistTrackCount = parts.playlistTrackCount;
        this.activity = parts.activity;
        this.userById = new HashMap<>(userId.length * 2);
        this.userByPermalink = new HashMap<>(userId.length * 2);
        for (int u = 0; u < userId.length; u++) {
            userById.put(userId[u], u);
            userByPermalink.put(permalink[u], u);
        }
    }

    /** Generates the world for {@code params}; a pure function of the parameters. */
    static World generate(SimParams params) {
        return new WorldGenerator(params).generate();
    }

    int userCount() {
        return userId.length;
    }

    int trackCount() {
        return trackId.length;
    }

    boolean isArtist(int user) {
        return user < artistCount;
    }

    /** Index of the user with this id, or -1. Deleted users are found too. */
    int userIndexById(long id) {
        Integer index = userById.get(id);
        return index == null ? -1 : index;
    }

    /** Index of the user with this permalink, or -1. */
    int userIndexByPermalink(String link) {
        Integer index = userByPermalink.get(link);
        return index == null ? -1 : index;
    }

    int tracksOf(int user) {
        return trackStart[user + 1] - trackStart[user];
    }

    int playlistsOf(int user) {
        return playlistStart[user + 1] - playlistStart[user];
    }

    boolean isPlaylistRef(int ref) {
        return ref >= trackId.length;
    }

    int playlistIndex(int ref) {
        return ref - trackId.length;
    }

    /** Owner of a liked or reposted object. */
    int ownerOfRef(int ref) {
        return isPlaylistRef(ref) ? playlistOwner[playlistIndex(ref)] : trackOwner[ref];
    }

    /** The artist's interactions; empty for listeners. */
    Activity activity(int user) {
        return user < activity.length ? activity[user] : WorldGenerator.NO_ACTIVITY;
    }

    /** Epoch seconds of a time stored relative to {@link #EPOCH}. */
    static long epochSeconds(long secondsSinceEpoch) {
        return EPOCH.getEpochSecond() + secondsSinceEpoch;
    }

    /**
     * Artists a crawl can start from: live, with tracks, not private, the most followed of each scene
     * in turn.
     */
    List<String> seedPermalinks(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        List<List<Integer>> byScene = new ArrayList<>();
        for (int s = 0; s < sceneNames.size(); s++) {
            byScene.add(new ArrayList<>());
        }
        for (int u = 0; u < artistCount; u++) {
            if (!deleted[u] && !privateLists[u] && tracksOf(u) > 0) {
                byScene.get(scene[u]).add(u);
            }
        }
        Comparator<Integer> popular =
                Comparator.<Integer>comparingInt(u -> followers[u]).reversed().thenComparingLong(u -> userId[u]);
        byScene.forEach(list -> list.sort(popular));
        List<String> seeds = new ArrayList<>(n);
        for (int rank = 0; seeds.size() < n; rank++) {
            boolean any = false;
            for (int s = 0; s < byScene.size() && seeds.size() < n; s++) {
                if (rank < byScene.get(s).size()) {
                    seeds.add(permalink[byScene.get(s).get(rank)]);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return Collections.unmodifiableList(seeds);
    }

    /** Permalinks of the users whose lists are private, in index order. */
    List<String> privatePermalinks() {
        List<String> hidden = new ArrayList<>();
        for (int u = 0; u < privateLists.length; u++) {
            if (privateLists[u]) {
                hidden.add(permalink[u]);
            }
        }
        return Collections.unmodifiableList(hidden);
    }

    /** Permalink to scene name of every artist (deleted and track-less ones included), in index order. */
    Map<String, String> truth() {
        Map<String, String> truth = new LinkedHashMap<>();
        for (int u = 0; u < artistCount; u++) {
            truth.put(permalink[u], sceneNames.get(scene[u]));
        }
        return Collections.unmodifiableMap(truth);
    }

    /** Counts describing the world, for reports and the manifest. */
    Map<String, Object> statistics() {
        long likes = 0;
        long comments = 0;
        long reposts = 0;
        long followings = 0;
        long weight = 0;
        int deletedCount = 0;
        int noTracks = 0;
        int hidden = 0;
        for (int u = 0; u < artistCount; u++) {
            Activity a = activity(u);
            likes += a.likes.length;
            comments += a.comments.length;
            reposts += a.reposts.length;
            followings += a.followings.length;
            weight += a.referenceWeight();
            deletedCount += deleted[u] ? 1 : 0;
            noTracks += tracksOf(u) == 0 ? 1 : 0;
            hidden += privateLists[u] ? 1 : 0;
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("artists", artistCount);
        stats.put("listeners", userCount() - artistCount);
        stats.put("scenes", sceneNames.size());
        stats.put("deletedArtists", deletedCount);
        stats.put("artistsWithoutTracks", noTracks);
        stats.put("privateArtists", hidden);
        stats.put("tracks", trackCount());
        stats.put("playlists", playlistId.length);
        stats.put("likes", likes);
        stats.put("comments", comments);
        stats.put("reposts", reposts);
        stats.put("followings", followings);
        stats.put("meanWeightPerArtist", (double) weight / artistCount);
        return stats;
    }
}
