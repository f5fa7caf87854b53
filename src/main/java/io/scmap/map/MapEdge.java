package io.scmap.map;

import io.scmap.source.InteractionType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A directed, weighted tie between two artists: how much {@code source} interacted with {@code target}.
 *
 * @param source permalink of the scraped artist who interacted
 * @param target permalink of the artist they interacted with
 * @param weight the matrix weight of the tie (finite)
 * @param counts how many interactions of each type; zero counts are dropped so that equal ties compare
 *     equal however they were built
 */
public record MapEdge(String source, String target, double weight, Map<InteractionType, Integer> counts) {
    public MapEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException(
                    "weight must be finite, got " + weight + " for " + source + " -> " + target);
        }
        EnumMap<InteractionType, Integer> copy = new EnumMap<>(InteractionType.class);
        counts.forEach((type, n) -> {
            Objects.requireNonNull(type, "counts key");
            if (n < 0) {
                throw new IllegalArgumentException(
                        "counts must be >= 0, got " + type + "=" + n + " for " + source + " -> " + target);
            }
            if (n > 0) {
                copy.put(type, n);
            }
        });
        counts = Collections.unmodifiableMap(copy);
    }

    /** A tie without per-type counts. */
    public MapEdge(String source, String target, double weight) {
        this(source, target, weight, Map.of());
    }

    /** How many interactions of {@code type} this tie holds, 0 when none. */
    public int count(InteractionType type) {
        return counts.getOrDefault(type, 0);
    }
}
