package io.scmap.sim;

import org.jspecify.annotations.Nullable;

/**
 * Page sizes and cursors of the paged endpoints. A cursor looks like api-v2's own
 * ({@code 2025-11-08T10:30:30.000Z,user-likes,000-00000000000030854092-00000000000000000040}): the time of
 * the last item shown, the list kind, then a flag (001 marks the planted empty page), the user id and the
 * position of the next item. Clients must treat it as opaque.
 */
final class Pagination {
    /** Page size when the request names none. */
    static final int DEFAULT_LIMIT = 20;
    /** Largest page; larger requested limits are clamped to it. */
    static final int MAX_LIMIT = 200;

    /** Where a page starts, and whether it is the planted empty page. */
    record Cursor(int position, boolean emptyPage) {}

    private Pagination() {}

    /** The effective page size: the requested limit clamped to [1, 200], or 20 when absent or unparsable. */
    static int limit(@Nullable String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return (int) Math.max(1, Math.min(MAX_LIMIT, Long.parseLong(raw.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    /**
     * Parses an {@code offset} value issued for {@code userId}; absent means the first page.
     *
     * @throws IllegalArgumentException when the value is not a cursor of this user
     */
    static Cursor parse(@Nullable String offset, long userId) {
        if (offset == null || offset.isEmpty()) {
            return new Cursor(0, false);
        }
        String[] parts = offset.split(",", -1);
        String[] key = parts[parts.length - 1].split("-", -1);
        if (parts.length != 3 || key.length != 3) {
            throw new IllegalArgumentException("offset is not a cursor: " + offset);
        }
        try {
            if (Long.parseLong(key[1]) != userId) {
                throw new IllegalArgumentException("offset belongs to another user: " + offset);
            }
            long position = Long.parseLong(key[2]);
            if (position < 0 || position > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("offset position out of range: " + offset);
            }
            return new Cursor((int) position, key[0].equals("001"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset is not a cursor: " + offset, e);
        }
    }

    /** The cursor text for {@code cursor}, showing {@code time} (seconds since the world's epoch). */
    static String format(Cursor cursor, long time, String kind, long userId) {
        return Times.isoMillis(time) + "," + kind + "," + (cursor.emptyPage() ? "001" : "000") + "-"
                + String.format(java.util.Locale.ROOT, "%020d-%020d", userId, cursor.position());
    }
}
