package io.scmap.crawl;

import java.util.Locale;

/** Why an account (or a seed permalink) was recorded as skipped instead of scraped. */
public enum SkipReason {
    /** SoundCloud answered 404: the permalink or user does not exist (any more), or is hidden. */
    NOT_FOUND,
    /** The account has no public tracks, so it has no emerge date; its profile is still recorded. */
    NO_TRACKS,
    /** An expansion candidate with more followers than {@link CrawlParams#maxFollowers()}. */
    OVER_FOLLOWER_CAP,
    /**
     * SoundCloud refused to show the account's profile, tracks or lists (401/403 after the client
     * renewed its credentials) while another account stayed readable: private or restricted.
     */
    PRIVATE;

    /** The lower-case code stored in ledgers and shown to users, e.g. {@code not_found}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The reason with the given {@link #code()}.
     *
     * @throws IllegalArgumentException if no reason has that code
     */
    public static SkipReason ofCode(String code) {
        for (SkipReason reason : values()) {
            if (reason.code().equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown skip reason code: " + code);
    }
}
