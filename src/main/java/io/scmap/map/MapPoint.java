package io.scmap.map;

import io.scmap.cluster.Generation;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One artist on the map: who they are, where they sit and which scene they belong to.
 *
 * @param id SoundCloud user id, or -1 where unknown
 * @param permalink the name in {@code https://soundcloud.com/<permalink>}; unique within an atlas
 * @param name display name; attacker-controlled text, escaped by every writer
 * @param followers follower count, or -1 where unknown
 * @param emergeDate when the artist started uploading (the reference's emerge date), or null
 * @param generation the artist's generation, or null where the emerge date is unknown
 * @param x map x coordinate (finite)
 * @param y map y coordinate (finite; up is positive, as in the reference's plots)
 * @param cluster scene number, or -1 for noise (unclustered)
 * @param clusterLabel the scene's label, empty for noise
 */
public record MapPoint(
        long id,
        String permalink,
        String name,
        long followers,
        @Nullable LocalDate emergeDate,
        @Nullable Generation generation,
        double x,
        double y,
        int cluster,
        String clusterLabel) {
    /** Cluster number of points that belong to no scene. */
    public static final int NOISE = -1;

    public MapPoint {
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clusterLabel, "clusterLabel");
        if (permalink.isEmpty()) {
            throw new IllegalArgumentException("permalink must not be empty");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x + " for '" + permalink + "'");
        }
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("y must be finite, got " + y + " for '" + permalink + "'");
        }
        if (cluster < NOISE) {
            throw new IllegalArgumentException("cluster must be >= -1, got " + cluster + " for '" + permalink + "'");
        }
    }

    /** Whether this point belongs to no scene. */
    public boolean isNoise() {
        return cluster == NOISE;
    }

    /** The artist's SoundCloud page, {@code https://soundcloud.com/<permalink>} with the permalink encoded. */
    public String url() {
        return Urls.soundCloud(permalink);
    }
}
