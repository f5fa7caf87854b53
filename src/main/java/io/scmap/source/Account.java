package io.scmap.source;

import java.util.Objects;

/**
 * A SoundCloud user as the API describes it.
 *
 * @param id numeric user id
 * @param urn {@code soundcloud:users:<id>}
 * @param permalink the name in {@code https://soundcloud.com/<permalink>}
 * @param displayName the user-chosen name ({@code username} in the API); attacker-controlled text
 * @param followers follower count, or -1 where the API did not say
 * @param trackCount public track count, or -1 where the API did not say
 */
public record Account(long id, String urn, String permalink, String displayName, long followers, int trackCount) {
    public Account {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(displayName, "displayName");
    }
}
