package io.scmap.store;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An account of an imported matrix as the reference's label files describe it: a row of {@code
 * remaining_seeds.csv} or a column of {@code seeds.csv}.
 *
 * @param permalink the name in {@code https://soundcloud.com/<permalink>}
 * @param displayName the name the file gives (attacker-controlled text; empty where unknown)
 * @param followers follower count, or -1 where unknown
 * @param emergeDate the account's emerge date, or null where unknown
 */
public record ImportedAccount(
        String permalink,
        String displayName,
        long followers,
        @Nullable LocalDate emergeDate) {
    public ImportedAccount {
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(displayName, "displayName");
    }
}
