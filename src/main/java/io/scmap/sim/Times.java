package io.scmap.sim;

/**
 * Formats times the way api-v2 does ({@code 2026-02-20T17:12:35Z}) without allocating formatters; the
 * server formats millions of them. Civil-from-days conversion after Howard Hinnant, "chrono-compatible
 * low-level date algorithms" (2013).
 */
final class Times {
    private Times() {}

    /** {@code yyyy-MM-ddTHH:mm:ssZ} for a time in seconds since {@link World#EPOCH}. */
    static String iso(long secondsSinceEpoch) {
        return format(World.epochSeconds(secondsSinceEpoch), false);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.000Z}, as in api-v2 cursors. */
    static String isoMillis(long secondsSinceEpoch) {
        return format(World.epochSeconds(secondsSinceEpoch), true);
    }

    /** Calendar year of a time in seconds since {@link World#EPOCH}. */
    static int year(long secondsSinceEpoch) {
        return civil(Math.floorDiv(World.epochSeconds(secondsSinceEpoch), 86_400L))[0];
    }

    private static String format(long epochSecond, boolean millis) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        int[] ymd = civil(days);
        char[] out = new char[millis ? 24 : 20];
        digits(out, 0, ymd[0], 4);
        out[4] = '-';
        digits(out, 5, ymd[1], 2);
        out[7] = '-';
        digits(out, 8, ymd[2], 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        if (millis) {
            out[19] = '.';
            out[20] = '0';
            out[21] = '0';
            out[22] = '0';
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    /** Year, month and day of a day count since 1970-01-01. */
    private static int[] civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        return new int[] {year, month, day};
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
