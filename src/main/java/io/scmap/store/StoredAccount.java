package io.scmap.store;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An account as the store holds it.
 *
 * @param id SoundCloud user id
 * @param urn {@code soundcloud:users:<id>}
 * @param permalink the name in {@code https://soundcloud.com/<permalink>}
 * @param displayName the user-chosen name; attacker-controlled text
 * @param followers follower count, or -1 where unknown
 * @param trackCount public track count, or -1 where unknown
 * @param emergeDate the 15% quantile of its upload dates, for scraped accounts; else null
 */
public record StoredAccount(
        long id,
        String urn,
        String permalink,
        String displayName,
        long followers,
        int trackCount,
        @Nullable LocalDate emergeDate) {
    public StoredAccount {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(displayName, "displayName");
    }
}
