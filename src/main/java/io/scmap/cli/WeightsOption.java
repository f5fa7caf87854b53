package io.scmap.cli;

import io.scmap.crawl.InteractionWeights;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --weights} option of commands that build the interaction matrix from a crawl database:
 * what a like, comment, repost and follow count for. Types left out keep the reference's weight.
 */
final class WeightsOption {
    @Option(
            names = "--weights",
            paramLabel = "TYPE=W,...",
            description = "Weight of each interaction type in the matrix, e.g. follow=1,like=0.5; types left"
                    + " out keep the reference's like=1,comment=3,repost=3,follow=3. Only for a crawl database.")
    @Nullable
    String weights;

    /** Whether the option was given. */
    boolean given() {
        return weights != null;
    }

    /** The weights given, or the reference's. */
    InteractionWeights weights() throws UsageException {
        return weights == null ? InteractionWeights.DEFAULTS : parse(weights);
    }

    /** Parses {@code type=weight} pairs separated by commas, each type at most once. */
    static InteractionWeights parse(String text) throws UsageException {
        InteractionWeights w = InteractionWeights.DEFAULTS;
        boolean[] seen = new boolean[4];
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--weights: expected TYPE=WEIGHT, got '" + pair.strip() + "'");
            }
            String type = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            double value = number(pair.substring(eq + 1).strip(), type);
            int index = indexOf(type);
            if (seen[index]) {
                throw new UsageException("--weights: " + type + " is given twice");
            }
            seen[index] = true;
            try {
                w = switch (index) {
                    case 0 -> w.withLike(value);
                    case 1 -> w.withComment(value);
                    case 2 -> w.withRepost(value);
                    default -> w.withFollow(value);
                };
            } catch (IllegalArgumentException e) {
                throw new UsageException("--weights: " + e.getMessage());
            }
        }
        return w;
    }

    private static int indexOf(String type) throws UsageException {
        return switch (type) {
            case "like", "likes" -> 0;
            case "comment", "comments" -> 1;
            case "repost", "reposts" -> 2;
            case "follow", "follows", "following", "followings" -> 3;
            default ->
                throw new UsageException(
                        "--weights: unknown interaction type '" + type + "' (like, comment, repost, follow)");
        };
    }

    private static double number(String text, String type) throws UsageException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--weights: the weight of " + type + " must be a number, got '" + text + "'");
        }
    }
}
