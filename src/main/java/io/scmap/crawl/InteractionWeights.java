package io.scmap.crawl;

import io.scmap.source.InteractionType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much each kind of interaction counts: in the crawl's expansion score and in the interaction
 * matrix's values. The reference weighs a like 1 and a comment, repost or follow 3.
 *
 * @param like weight of a like (default 1)
 * @param comment weight of a comment (default 3)
 * @param repost weight of a repost (default 3)
 * @param follow weight of a following (default 3)
 */
public record InteractionWeights(double like, double comment, double repost, double follow) {
    /** The reference's weights: like 1, comment 3, repost 3, follow 3. */
    public static final InteractionWeights DEFAULTS = new InteractionWeights(1, 3, 3, 3);

    public InteractionWeights {
        check("like", like);
        check("comment", comment);
        check("repost", repost);
        check("follow", follow);
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " weight must be a finite number >= 0, got " + value);
        }
    }

    /** The weight of one interaction of the given type. */
    public double of(InteractionType type) {
        return switch (type) {
            case LIKE -> like;
            case COMMENT -> comment;
            case REPOST -> repost;
            case FOLLOW -> follow;
        };
    }

    /**
     * The weights in the order of {@link InteractionType#values()} (like, comment, repost, follow),
     * for kernels. A fresh array each call.
     */
    public double[] toArray() {
        return new double[] {like, comment, repost, follow};
    }

    /**
     * The weighted score of interaction counts given in the order of {@link
     * InteractionType#values()}. Always summed in that order, so equal counts give bit-identical
     * scores wherever they are computed.
     */
    public double score(int[] countsByType) {
        double[] weights = toArray();
        double score = 0;
        for (int type = 0; type < weights.length; type++) {
            score += weights[type] * countsByType[type];
        }
        return score;
    }

    public InteractionWeights withLike(double value) {
        return new InteractionWeights(value, comment, repost, follow);
    }

    public InteractionWeights withComment(double value) {
        return new InteractionWeights(like, value, repost, follow);
    }

    public InteractionWeights withRepost(double value) {
        return new InteractionWeights(like, comment, value, follow);
    }

    public InteractionWeights withFollow(double value) {
        return new InteractionWeights(like, comment, repost, value);
    }

    /** The weights by name, in type order, for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("like", like);
        map.put("comment", comment);
        map.put("repost", repost);
        map.put("follow", follow);
        return map;
    }
}
