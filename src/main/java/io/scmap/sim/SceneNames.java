package io.scmap.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names, genres and peak years of the planted scenes. The first names are real SoundCloud scenes; more
 * are made by prefixing them ("neo hyperpop"), so any number of distinct names is available.
 */
final class SceneNames {
    private static final String[] BASE = {
        "hyperpop",
        "cloud rap",
        "jersey club",
        "breakcore",
        "ambient",
        "drill",
        "phonk",
        "footwork",
        "vaporwave",
        "digicore",
        "lo-fi house",
        "hardstyle",
        "slowed, reverb",
        "witch house",
        "future bass",
        "emo rap",
        "plugg",
        "uk garage",
        "amapiano",
        "juke",
        "dubstep",
        "rage",
        "shoegaze",
        "hardcore techno"
    };
    private static final int[] PEAK_YEAR = {
        2020, 2013, 2016, 2018, 2010, 2019, 2021, 2011, 2013, 2021, 2016, 2012, 2022, 2011, 2015, 2017, 2019, 2014,
        2021, 2012, 2010, 2022, 2017, 2015
    };
    private static final String[] PREFIX = {"neo", "dark", "euro", "post", "deep", "tropical", "acid", "glitch"};

    private SceneNames() {}

    /** {@code count} distinct scene names, the real ones first. */
    static List<String> names(int count) {
        List<String> names = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        for (int i = 0; names.size() < count; i++) {
            String base = BASE[i % BASE.length];
            int round = i / BASE.length;
            String name;
            if (round == 0) {
                name = base;
            } else if (round <= PREFIX.length) {
                name = PREFIX[round - 1] + " " + base;
            } else {
                name = base + " " + round;
            }
            if (seen.add(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** The year the scene's artists most often started uploading. */
    static int peakYear(int scene) {
        return PEAK_YEAR[scene % PEAK_YEAR.length];
    }

    /** The genre string the scene's tracks carry. */
    static String genre(String sceneName) {
        String base = sceneName;
        for (String prefix : PREFIX) {
            if (base.startsWith(prefix + " ")) {
                base = base.substring(prefix.length() + 1);
            }
        }
        return base.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + base.substring(1);
    }
}
