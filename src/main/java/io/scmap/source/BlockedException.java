package io.scmap.source;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * SoundCloud's bot protection (DataDome) refused the request with a captcha challenge. Retrying from
 * the same network soon will not help, so this is never retried.
 */
public class BlockedException extends SourceException {
    private static final long serialVersionUID = 1L;

    /** The message every instance carries; it tells the user what they can do. */
    public static final String MESSAGE = "blocked by bot protection; try later, another network, or the official API";

    public BlockedException(int status, @Nullable URI uri) {
        super(MESSAGE, status, uri, null);
    }
}
