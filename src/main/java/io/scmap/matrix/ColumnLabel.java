package io.scmap.matrix;

import java.util.Objects;

/**
 * An account interacted with (a matrix column), as the reference's {@code seeds.csv} holds it.
 *
 * @param id SoundCloud user id, or -1 where unknown
 * @param permalink the account's permalink
 * @param name display name (empty where unknown)
 */
public record ColumnLabel(long id, String permalink, String name) {
    public ColumnLabel {
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(name, "name");
    }
}
