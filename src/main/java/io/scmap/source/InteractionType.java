package io.scmap.source;

/** The kinds of interaction a scraped account has with another account. */
public enum InteractionType {
    /** A like of a track or playlist; the target is its owner. */
    LIKE,
    /** A comment on a track; the target is the track's owner. */
    COMMENT,
    /** A repost of a track or playlist; the target is its owner. */
    REPOST,
    /** A following; the target is the followed user. */
    FOLLOW
}
