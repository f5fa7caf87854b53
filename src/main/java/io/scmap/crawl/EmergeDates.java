package io.scmap.crawl;

import io.scmap.source.Track;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The emerge date of an account: when it started uploading, robust to a few stray early uploads.
 * As in the reference, it is the 15% quantile of the account's <em>unique</em> upload times with
 * linear interpolation, exactly as pandas' {@code Series.quantile(0.15)} (numpy's default
 * "linear" method, Hyndman and Fan 1996 definition 7), taken as a UTC date.
 */
final class EmergeDates {
    /** The reference's quantile. */
    static final double QUANTILE = 0.15;

    private EmergeDates() {}

    /**
     * The emerge date of these tracks. O(n log n) for n tracks; deterministic.
     *
     * @throws IllegalArgumentException if {@code tracks} is empty
     */
    static LocalDate of(List<Track> tracks) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("tracks must not be empty");
        }
        long[] millis = tracks.stream()
                .map(Track::createdAt)
                .mapToLong(Instant::toEpochMilli)
                .distinct()
                .sorted()
                .toArray();
        return Instant.ofEpochMilli(quantile(millis, QUANTILE))
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
    }

    /**
     * Linear-interpolation quantile of sorted values: position {@code h = (n - 1) q}, then
     * {@code x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])}.
     */
    static long quantile(long[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lower = (int) Math.floor(h);
        if (lower >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = h - lower;
        // The difference is interpolated in floating point, as numpy does, then rounded to a
        // millisecond; only the date is kept, so sub-second rounding never matters in practice.
        return sorted[lower] + Math.round(fraction * (sorted[lower + 1] - sorted[lower]));
    }
}
