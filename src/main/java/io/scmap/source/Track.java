package io.scmap.source;

import java.time.Instant;
import java.util.Objects;

/**
 * One of an account's own uploads.
 *
 * @param id numeric track id
 * @param ownerId the uploading user's id
 * @param createdAt the upload time ({@code created_at}), which the emerge date is computed from
 */
public record Track(long id, long ownerId, Instant createdAt) {
    public Track {
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
