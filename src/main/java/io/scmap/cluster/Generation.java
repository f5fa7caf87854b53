package io.scmap.cluster;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The reference's six generations of artists, by emerge date (when they started uploading), each
 * with its colour sampled evenly from matplotlib's plasma scale.
 */
public enum Generation {
    BEFORE_2013("before 2013", "#0d0887"),
    Y2013_14("2013–14", "#6a00a8"),
    Y2015_16("2015–16", "#b12a90"),
    Y2017_18("2017–18", "#e16462"),
    Y2019_20("2019–20", "#fca636"),
    SINCE_2021("2021 on", "#f0f921");

    private final String label;
    private final String colour;

    Generation(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    /** The generation of an artist who emerged on {@code date}; null when the date is unknown. */
    public static @Nullable Generation of(@Nullable LocalDate date) {
        if (date == null) {
            return null;
        }
        int y = date.getYear();
        if (y < 2013) {
            return BEFORE_2013;
        } else if (y <= 2014) {
            return Y2013_14;
        } else if (y <= 2016) {
            return Y2015_16;
        } else if (y <= 2018) {
            return Y2017_18;
        } else if (y <= 2020) {
            return Y2019_20;
        }
        return SINCE_2021;
    }

    /** Human label, e.g. {@code 2015–16}. */
    public String label() {
        return label;
    }

    /** CSS hex colour on the plasma scale. */
    public String colour() {
        return colour;
    }
}
