package io.scmap.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the SoundCloud links that the map and the graph point to. */
final class Urls {
    static final String SOUNDCLOUD = "https://soundcloud.com/";

    private Urls() {}

    /** {@code https://soundcloud.com/<permalink>}, the permalink percent-encoded as one path segment. */
    static String soundCloud(String permalink) {
        // URLEncoder does form encoding (space as '+'); a path segment wants %20.
        return SOUNDCLOUD + URLEncoder.encode(permalink, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
