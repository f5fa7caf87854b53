package io.scmap.crawl;

import io.scmap.source.InteractionType;

/** Array positions of the interaction types: the order of {@link InteractionType#values()}, spelled out. */
final class TypeIndex {
    private TypeIndex() {}

    static int of(InteractionType type) {
        return switch (type) {
            case LIKE -> 0;
            case COMMENT -> 1;
            case REPOST -> 2;
            case FOLLOW -> 3;
        };
    }
}
