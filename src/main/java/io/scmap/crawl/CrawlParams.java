package io.scmap.crawl;

import io.scmap.source.InteractionType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of a crawl. {@link #DEFAULTS} reproduce the reference.
 *
 * @param perType how many of the newest interactions of each type (likes, comments, reposts,
 *     followings) to record per account (default 500; 0 records none)
 * @param maxAccounts stop once this many accounts are scraped in the ledger, counting earlier runs
 *     (default 0 = no limit)
 * @param expand after the seeds, keep crawling the unscraped account with the highest interaction
 *     score (default true); false crawls the seeds only
 * @param weights the interaction weights of the expansion score (default like 1, others 3)
 * @param maxTracks how many of an account's newest tracks to read for its emerge date (default 500;
 *     at least 1)
 * @param maxFollowers skip expansion candidates with more followers than this, with reason
 *     {@link SkipReason#OVER_FOLLOWER_CAP}, to keep the crawl from drifting to mainstream accounts;
 *     seeds are never capped (default 0 = no cap, as in the reference)
 * @param parallelFetches how many of an account's four interaction lists to fetch at once (1 to 4;
 *     default 1)
 * @param score how expansion candidates are ranked (default {@link ExpansionScore#WEIGHTED}, the
 *     reference's rule)
 */
public record CrawlParams(
        int perType,
        int maxAccounts,
        boolean expand,
        InteractionWeights weights,
        int maxTracks,
        long maxFollowers,
        int parallelFetches,
        ExpansionScore score) {

    /** The reference's crawl: 500 per type, no account limit, expansion on, weights 1/3/3/3. */
    public static final CrawlParams DEFAULTS =
            new CrawlParams(500, 0, true, InteractionWeights.DEFAULTS, 500, 0, 1, ExpansionScore.WEIGHTED);

    public CrawlParams {
        if (perType < 0) {
            throw new IllegalArgumentException("perType must be >= 0, got " + perType);
        }
        if (maxAccounts < 0) {
            throw new IllegalArgumentException("maxAccounts must be >= 0 (0 = no limit), got " + maxAccounts);
        }
        Objects.requireNonNull(weights, "weights");
        if (maxTracks < 1) {
            throw new IllegalArgumentException("maxTracks must be >= 1, got " + maxTracks);
        }
        if (maxFollowers < 0) {
            throw new IllegalArgumentException("maxFollowers must be >= 0 (0 = no cap), got " + maxFollowers);
        }
        if (parallelFetches < 1 || parallelFetches > InteractionType.values().length) {
            throw new IllegalArgumentException("parallelFetches must be in [1, 4], got " + parallelFetches);
        }
        Objects.requireNonNull(score, "score");
    }

    public CrawlParams withPerType(int value) {
        return new CrawlParams(value, maxAccounts, expand, weights, maxTracks, maxFollowers, parallelFetches, score);
    }

    public CrawlParams withMaxAccounts(int value) {
        return new CrawlParams(perType, value, expand, weights, maxTracks, maxFollowers, parallelFetches, score);
    }

    public CrawlParams withExpand(boolean value) {
        return new CrawlParams(perType, maxAccounts, value, weights, maxTracks, maxFollowers, parallelFetches, score);
    }

    public CrawlParams withWeights(InteractionWeights value) {
        return new CrawlParams(perType, maxAccounts, expand, value, maxTracks, maxFollowers, parallelFetches, score);
    }

    public CrawlParams withMaxTracks(int value) {
        return new CrawlParams(perType, maxAccounts, expand, weights, value, maxFollowers, parallelFetches, score);
    }

    public CrawlParams withMaxFollowers(long value) {
        return new CrawlParams(perType, maxAccounts, expand, weights, maxTracks, value, parallelFetches, score);
    }

    public CrawlParams withParallelFetches(int value) {
        return new CrawlParams(perType, maxAccounts, expand, weights, maxTracks, maxFollowers, value, score);
    }

    public CrawlParams withScore(ExpansionScore value) {
        return new CrawlParams(perType, maxAccounts, expand, weights, maxTracks, maxFollowers, parallelFetches, value);
    }

    /** The parameters by name, for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("perType", perType);
        map.put("maxAccounts", maxAccounts);
        map.put("expand", expand);
        map.put("weights", weights.toMap());
        map.put("maxTracks", maxTracks);
        map.put("maxFollowers", maxFollowers);
        map.put("parallelFetches", parallelFetches);
        map.put("score", score.code());
        return map;
    }
}
