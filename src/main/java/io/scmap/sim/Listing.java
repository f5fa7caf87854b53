package io.scmap.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** One user's list behind a paged endpoint (tracks, likes, ...), newest first, addressed by position. */
interface Listing {
    /** Number of items. */
    int size();

    /** Time of item {@code i} in seconds since {@link World#EPOCH}, shown in cursors. */
    long time(int i);

    /** Writes item {@code i} as one element of the page's {@code collection}. */
    void write(JsonGenerator g, int i) throws IOException;

    /** The cursor kind api-v2 shows in {@code offset} values, such as {@code user-track-likes}. */
    String kind();
}
