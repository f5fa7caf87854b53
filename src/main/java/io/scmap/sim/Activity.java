package io.scmap.sim;

/**
 * The interactions one artist made, per type, newest first. Each entry packs the interaction time
 * (seconds since {@link World#EPOCH}) in the high 32 bits and the object in the low 32 bits: for likes
 * and reposts an object reference ({@link World#isPlaylistRef}), for comments a track index, for
 * followings a user index. Arrays are never modified after generation.
 */
final class Activity {
    final long[] likes;
    final long[] comments;
    final long[] reposts;
    final long[] followings;

    Activity(long[] likes, long[] comments, long[] reposts, long[] followings) {
        this.likes = likes;
        this.comments = comments;
        this.reposts = reposts;
        this.followings = followings;
    }

    static long pack(long secondsSinceEpoch, int object) {
        return (secondsSinceEpoch << 32) | (object & 0xFFFFFFFFL);
    }

    static long time(long packed) {
        return packed >>> 32;
    }

    static int object(long packed) {
        return (int) packed;
    }

    /** Total weight with the reference's weights: like 1, comment, repost and follow 3 each. */
    int referenceWeight() {
        return likes.length + 3 * (comments.length + reposts.length + followings.length);
    }
}
