package io.scmap.sim;

import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Makes the strings of the world: display names (mostly plain, some with accents, CJK, emoji or
 * right-to-left scripts, a few deliberately hostile), permalinks, track and playlist titles, comment
 * bodies and home towns. Every method draws from the random generator it is given.
 */
final class Names {
    /** Hostile display names planted on artists with tracks, so a crawl meets all of them. */
    static final String[] HOSTILE = {
        "<img src=x onerror=alert(1)>",
        "\"quoted\" & <b>bold</b>",
        "'; DROP TABLE accounts;--",
        "The Extraordinarily Long Name Of An Artist Who Never Learned When To Stop Typing "
                + "Because Every Word Felt Important And Every Collaborator Deserved A Mention "
                + "Featuring Everyone Who Ever Sent A Loop Pack Including The Drummer And The Cat "
                + "(Deluxe Edition) (Slowed + Reverb) (Extended Mix) \u2014 official",
        "</script><script>alert(2)</script>",
        "${jndi:ldap://127.0.0.1/x}",
        "\u202Eevil override\u202C",
        "Z\u0334a\u0337l\u0336g\u0338o\u0335",
        "line\nbreak\ttab",
    };

    private static final String[] WORDS = {
        "night", "crystal", "ghost", "velvet", "static", "neon", "honey", "ruin", "silver", "echo", "cinder",
        "violet", "glass", "hollow", "lunar", "ember", "drift", "pixel", "saint", "venom", "astral", "cherry",
        "rust", "frost", "mirage", "orbit", "tundra", "halo", "acid", "sable", "nova", "cobalt", "river",
        "signal", "sugar", "tempest", "wolf", "zero", "mono", "kilo"
    };
    private static final String[] ACCENTED = {
        "Zoë", "Sébastien", "Ñandú", "Müller", "Åsa", "Łukasz", "Çelik", "Dvořák", "Émilie", "Søren", "Ísold", "Ángel"
    };
    private static final String[] CJK = {"夜の街", "東京ドリフト", "서울", "北京", "さくら", "桜", "용", "月光", "ゆめ"};
    private static final String[] EMOJI = {"🌙", "💀", "✨", "🔥", "🦋", "🖤", "🌊", "👁️"};
    private static final String[] RTL = {"نور", "ليلى", "שחר", "דוד", "سما", "مجد"};
    private static final String[] COMMENTS = {
        "Absolute tune 🔥🔥🔥",
        "Tune",
        "this goes hard",
        "🔥",
        "need this on spotify",
        "who's here in 2026?",
        "<script>alert('x')</script>",
        "ID?",
        "最高",
        "drop at 1:02 🤯",
        "so underrated",
        "w",
        "\"quotes\" & ampersands",
        "replay button broken 😭",
        "mix is crazy",
        "نور"
    };
    private static final String[][] CITIES = {
        {"Toronto", "CA"}, {"Berlin", "DE"}, {"Chicago", "US"}, {"Tokyo", "JP"}, {"London", "GB"},
        {"São Paulo", "BR"}, {"Lagos", "NG"}, {"Seoul", "KR"}, {"Paris", "FR"}, {"Atlanta", "US"},
        {"Melbourne", "AU"}, {"Kraków", "PL"}
    };

    private Names() {}

    /** A display name: plain most of the time, otherwise with accents, CJK, emoji or RTL text. */
    static String displayName(SplittableRandom random) {
        double u = random.nextDouble();
        String word = pick(random, WORDS);
        if (u < 0.70) {
            return plainName(random, word);
        } else if (u < 0.80) {
            return pick(random, ACCENTED) + " " + capitalise(word);
        } else if (u < 0.87) {
            return pick(random, CJK) + (random.nextBoolean() ? "" : " " + word);
        } else if (u < 0.95) {
            return capitalise(word) + " " + pick(random, EMOJI);
        }
        return pick(random, RTL) + (random.nextBoolean() ? "" : " " + word);
    }

    private static String plainName(SplittableRandom random, String word) {
        String other = pick(random, WORDS);
        return switch (random.nextInt(6)) {
            case 0 -> "lil " + word;
            case 1 -> capitalise(word) + " " + capitalise(other);
            case 2 -> "DJ " + word.toUpperCase(Locale.ROOT);
            case 3 -> word + other + random.nextInt(100);
            case 4 -> "xX" + word + "Xx";
            default -> word + "." + other;
        };
    }

    /**
     * The ASCII stem of a permalink for a display name: lowercase letters and digits joined by '-', or
     * {@code user<digits>} (as SoundCloud does) when the name has too little ASCII.
     */
    static String permalinkStem(String displayName, SplittableRandom random) {
        String slug = slug(displayName);
        return slug.length() >= 3 ? slug : "user" + (1_000_000 + random.nextInt(899_000_000));
    }

    /** Lowercase ASCII letters and digits of {@code text}, runs of anything else collapsed to '-'. */
    static String slug(String text) {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < text.length() && out.length() < 40; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    /** A track title. */
    static String trackTitle(SplittableRandom random) {
        String title = capitalise(pick(random, WORDS)) + " " + capitalise(pick(random, WORDS));
        double u = random.nextDouble();
        if (u < 0.15) {
            return title + " (prod. " + pick(random, WORDS) + ")";
        } else if (u < 0.25) {
            return title + " [remix]";
        } else if (u < 0.30) {
            return title + " " + pick(random, EMOJI);
        } else if (u < 0.34) {
            return pick(random, CJK) + " " + title;
        }
        return title;
    }

    /** A playlist title. */
    static String playlistTitle(SplittableRandom random, String genre) {
        return random.nextBoolean()
                ? genre.toLowerCase(Locale.ROOT) + " " + pick(random, WORDS)
                : pick(random, WORDS) + " tape";
    }

    static int commentCount() {
        return COMMENTS.length;
    }

    static String comment(int index) {
        return COMMENTS[index];
    }

    /** Index of a home town, or -1 for none. */
    static int city(SplittableRandom random) {
        return random.nextInt(4) == 0 ? -1 : random.nextInt(CITIES.length);
    }

    static @Nullable String cityName(int index) {
        return index < 0 ? null : CITIES[index][0];
    }

    static @Nullable String countryCode(int index) {
        return index < 0 ? null : CITIES[index][1];
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
