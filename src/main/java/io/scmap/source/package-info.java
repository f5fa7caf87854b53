/**
 * Source stage: clients that read SoundCloud (the web api-v2, later the official API and a browser transport).
 *
 * <p>{@link io.scmap.source.SoundCloudClient} is the one interface the crawler talks to;
 * {@link io.scmap.source.SoundCloud} builds implementations. Everything else is package-private.
 */
@NullMarked
package io.scmap.source;

import org.jspecify.annotations.NullMarked;
