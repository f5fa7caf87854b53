package io.scmap.store;

import io.scmap.source.InteractionType;

/** Receives interactions one at a time from {@link Store#forEachInteraction}, without an object per row. */
@FunctionalInterface
public interface InteractionVisitor {
    void accept(long sourceId, long targetId, InteractionType type);
}
