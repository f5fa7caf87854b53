package io.scmap.map;

/**
 * An axis-aligned rectangle in image coordinates (y grows downwards): left edge {@code x}, top edge
 * {@code y}.
 */
record Box(double x, double y, double width, double height) {
    Box {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("width and height must be >= 0, got " + width + " x " + height);
        }
    }

    /** The box of the given size centred on ({@code cx}, {@code cy}). */
    static Box centredAt(double cx, double cy, double width, double height) {
        return new Box(cx - width / 2, cy - height / 2, width, height);
    }

    double right() {
        return x + width;
    }

    double bottom() {
        return y + height;
    }

    double centreX() {
        return x + width / 2;
    }

    double centreY() {
        return y + height / 2;
    }

    /** Whether the boxes come closer than {@code gap} (with {@code gap} 0: whether they share area). */
    boolean overlaps(Box other, double gap) {
        return x < other.right() + gap
                && other.x < right() + gap
                && y < other.bottom() + gap
                && other.y < bottom() + gap;
    }

    /** Whether {@code other} lies entirely inside this box. */
    boolean contains(Box other) {
        return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
    }

    /** This box moved by the least amount that brings it inside {@code bounds}; itself if it is inside. */
    Box clampedInto(Box bounds) {
        double nx = Math.max(bounds.x, Math.min(bounds.right() - width, x));
        double ny = Math.max(bounds.y, Math.min(bounds.bottom() - height, y));
        return nx == x && ny == y ? this : new Box(nx, ny, width, height);
    }
}
