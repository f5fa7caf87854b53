package io.scmap.source;

import java.util.List;
import java.util.Optional;

/**
 * The calls the crawler needs from SoundCloud. Lists are newest first and hold at most {@code max}
 * items. Implementations are not required to be thread-safe.
 */
public interface SoundCloudClient extends AutoCloseable {

    /** Resolves a permalink to its account; empty when SoundCloud answers 404. */
    Optional<Account> resolve(String permalink) throws SourceException;

    /** The full profile of a user; empty when SoundCloud answers 404. */
    Optional<Account> profile(long userId) throws SourceException;

    /** The user's own public tracks, newest first. */
    List<Track> tracks(long userId, int max) throws SourceException;

    /** Interactions of one type made by the user, newest first. */
    List<Interaction> interactions(long userId, InteractionType type, int max) throws SourceException;

    /**
     * The interaction types this client can list. The official API has no comments feed: a crawl
     * records that comments were unavailable rather than pretending there were none.
     */
    default java.util.Set<InteractionType> supportedTypes() {
        return java.util.EnumSet.allOf(InteractionType.class);
    }

    /** Requests made so far, for progress and status. */
    long requestCount();

    @Override
    void close();
}
