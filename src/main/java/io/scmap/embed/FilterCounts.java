package io.scmap.embed;

/**
 * How many rows each filter left, in the order the filters run.
 *
 * @param input rows of the interaction matrix
 * @param afterTotal rows whose total exceeds {@link EmbedParams#minTotal()}
 * @param afterMetadata of those, rows with a follower count and an emerge date (all of them when
 *     {@link EmbedParams#requireMetadata()} is off)
 * @param afterShare of those, rows whose largest share is at most {@link EmbedParams#maxShare()}
 */
public record FilterCounts(int input, int afterTotal, int afterMetadata, int afterShare) {
    public FilterCounts {
        if (input < 0
                || afterTotal < 0
                || afterTotal > input
                || afterMetadata > afterTotal
                || afterMetadata < 0
                || afterShare > afterMetadata
                || afterShare < 0) {
            throw new IllegalArgumentException(
                    "counts must not grow: " + input + ", " + afterTotal + ", " + afterMetadata + ", " + afterShare);
        }
    }
}
