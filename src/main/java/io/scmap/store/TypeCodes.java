package io.scmap.store;

import io.scmap.source.InteractionType;

/** The interaction types as the store spells them ({@code like}, ...) and numbers them in queries. */
final class TypeCodes {
    /** The types by the number {@link #CASE_NUMBER} gives them. */
    static final InteractionType[] BY_NUMBER = {
        InteractionType.LIKE, InteractionType.COMMENT, InteractionType.REPOST, InteractionType.FOLLOW
    };

    /** An SQL expression numbering {@code type} as {@link #BY_NUMBER} does. */
    static final String CASE_NUMBER =
            "CASE type WHEN 'like' THEN 0 WHEN 'comment' THEN 1 WHEN 'repost' THEN 2 ELSE 3 END";

    private TypeCodes() {}

    static String code(InteractionType type) {
        return switch (type) {
            case LIKE -> "like";
            case COMMENT -> "comment";
            case REPOST -> "repost";
            case FOLLOW -> "follow";
        };
    }
}
