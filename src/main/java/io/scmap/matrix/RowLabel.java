package io.scmap.matrix;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known of a scraped account (a matrix row), as the reference's {@code remaining_seeds.csv}
 * holds it ({@code links,names,followers,emerge_date}).
 *
 * @param id SoundCloud user id, or -1 where unknown (e.g. imported from the reference's files)
 * @param permalink the account's permalink
 * @param name display name
 * @param followers follower count, or -1 where unknown
 * @param emergeDate the 15% quantile of its upload dates, or null where unknown
 */
public record RowLabel(
        long id,
        String permalink,
        String name,
        long followers,
        @Nullable LocalDate emergeDate) {
    public RowLabel {
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(name, "name");
    }
}
