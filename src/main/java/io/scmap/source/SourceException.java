package io.scmap.source;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A call to SoundCloud failed for good (after any retries). Carries the status and URL. */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable URI uri;

    public SourceException(String message, int status, @Nullable URI uri, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.uri = uri;
    }

    /** HTTP status, or 0 where no response arrived. */
    public int status() {
        return status;
    }

    public @Nullable URI uri() {
        return uri;
    }
}
