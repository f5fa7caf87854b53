package io.scmap.crawl;

import java.util.Locale;
import java.util.Optional;

/**
 * How the crawl ranks expansion candidates, from the weighted count {@code s} of the interactions
 * of scraped accounts that target a candidate with {@code f} followers.
 */
public enum ExpansionScore {
    /** The reference's rule: {@code s}. Popular accounts collect the most interactions and win. */
    WEIGHTED,
    /**
     * {@code s / log2(2 + f)}: the interest of the crawled scene in an account, discounted by its
     * popularity, so the crawl stays with accounts that matter to the scene rather than drifting to
     * the mainstream ones everybody likes. An unknown follower count ({@code f = -1}) counts as 0.
     * A candidate with 1,000 followers needs about 1.8× the interactions of one with 50 to rank
     * level with it; one with 1,000,000 needs about 3.5×.
     */
    DISCOUNTED;

    /**
     * The score of a candidate with weighted interaction count {@code weighted} and {@code followers}
     * (-1 where unknown).
     */
    public double of(double weighted, long followers) {
        return switch (this) {
            case WEIGHTED -> weighted;
            case DISCOUNTED -> weighted / (Math.log(2.0 + Math.max(0, followers)) / Math.log(2.0));
        };
    }

    /** The lower-case name used on the command line and in manifests, e.g. {@code discounted}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule whose {@link #code()} is {@code code}, if any. */
    public static Optional<ExpansionScore> fromCode(String code) {
        for (ExpansionScore rule : values()) {
            if (rule.code().equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
