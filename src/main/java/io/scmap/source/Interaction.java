package io.scmap.source;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One interaction of a scraped account with another account.
 *
 * <p>The natural key within one source account is {@code (type, objectUrn)}: liking, reposting or
 * following the same object twice is one interaction; each comment has its own URN.
 *
 * @param type what kind of interaction
 * @param target the account interacted with (owner of the liked, commented or reposted object, or
 *     the followed user)
 * @param objectUrn URN of the liked/reposted track or playlist, of the comment, or of the followed
 *     user
 * @param at when the interaction happened, where the API says
 */
public record Interaction(
        InteractionType type,
        Account target,
        String objectUrn,
        @Nullable Instant at) {
    public Interaction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(objectUrn, "objectUrn");
    }
}
