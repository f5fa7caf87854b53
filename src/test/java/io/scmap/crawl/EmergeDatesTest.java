package io.scmap.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.Track;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed pandas {@code Series(unique upload times).quantile(0.15)} examples. */
class EmergeDatesTest {

    private static List<Track> uploads(String... times) {
        return Arrays.stream(times).map(t -> new Track(1, 1, Instant.parse(t))).toList();
    }

    @Test
    void isTheUploadDateOfASingleTrack() {
        assertThat(EmergeDates.of(uploads("2014-07-09T23:59:59Z"))).isEqualTo(LocalDate.parse("2014-07-09"));
    }

    @Test
    void interpolatesLinearlyBetweenNeighbours() {
        // 5 uploads, 10 days apart: position (5 - 1) * 0.15 = 0.6, so 6 days after the first.
        List<Track> tracks = uploads(
                "2020-01-01T00:00:00Z",
                "2020-01-11T00:00:00Z",
                "2020-01-21T00:00:00Z",
                "2020-01-31T00:00:00Z",
                "2020-02-10T00:00:00Z");
        assertThat(EmergeDates.of(tracks)).isEqualTo(LocalDate.parse("2020-01-07"));
    }

    @Test
    void ignoresTheOrderOfTheTracks() {
        List<Track> tracks = uploads(
                "2020-02-10T00:00:00Z",
                "2020-01-21T00:00:00Z",
                "2020-01-01T00:00:00Z",
                "2020-01-31T00:00:00Z",
                "2020-01-11T00:00:00Z");
        assertThat(EmergeDates.of(tracks)).isEqualTo(LocalDate.parse("2020-01-07"));
    }

    @Test
    void countsRepeatedUploadTimesOnce() {
        // Unique: Jan 1, Jan 11, Jan 21 -> position 2 * 0.15 = 0.3 -> Jan 1 + 3 days = Jan 4.
        // Without dropping the repeats, [Jan 1, Jan 1, Jan 11, Jan 21] gives position 0.45 -> Jan 1.
        List<Track> tracks =
                uploads("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-11T00:00:00Z", "2020-01-21T00:00:00Z");
        assertThat(EmergeDates.of(tracks)).isEqualTo(LocalDate.parse("2020-01-04"));
    }

    @Test
    void takesTheUtcDateOfAnInterpolatedInstant() {
        // One day apart: 0.15 day = 3 h 36 min after 22:00 is 01:36 on the next UTC day.
        List<Track> tracks = uploads("2018-12-31T22:00:00Z", "2019-01-01T22:00:00Z");
        assertThat(EmergeDates.of(tracks)).isEqualTo(LocalDate.parse("2019-01-01"));
    }

    @Test
    void handlesUploadsBeforeTheEpoch() {
        // Two pre-1970 instants 10 days apart: 15 % of them is 1.5 days after the first.
        List<Track> tracks = uploads("1969-12-20T00:00:00Z", "1969-12-30T00:00:00Z");
        assertThat(EmergeDates.of(tracks)).isEqualTo(LocalDate.parse("1969-12-21"));
    }

    @Test
    void quantileMatchesNumpyLinearMethod() {
        // numpy.quantile([1, 2, 4, 8, 16, 32, 64], 0.15): position 6 * 0.15 = 0.9 -> 1 + 0.9 * 1 = 1.9
        assertThat(EmergeDates.quantile(new long[] {1000, 2000, 4000, 8000, 16000, 32000, 64000}, 0.15))
                .isEqualTo(1900);
        // numpy.quantile([0, 10, 20, 40], 0.5): position 1.5 -> 15
        assertThat(EmergeDates.quantile(new long[] {0, 10, 20, 40}, 0.5)).isEqualTo(15);
        assertThat(EmergeDates.quantile(new long[] {5, 9}, 1.0)).isEqualTo(9);
        assertThat(EmergeDates.quantile(new long[] {5, 9}, 0.0)).isEqualTo(5);
    }

    @Test
    void rejectsAnAccountWithoutTracks() {
        assertThatThrownBy(() -> EmergeDates.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracks");
    }
}
