package io.scmap.map;

/**
 * How much of a box the map's dots cover, estimated from dot counts in a grid of small square cells
 * through a summed-area table (Crow, "Summed-area tables for texture mapping", SIGGRAPH 1984): built in
 * O(n + cells), answered in O(1) per box. The estimate is the dots' total area over the box's area, capped
 * at 1, so a label over a dense scene scores 1 and one over empty space 0.
 */
final class DotCover implements LabelPlacer.Cost {
    private final double cell;
    private final int columns;
    private final int rows;
    private final double dotArea;
    private final int[] sums;

    /**
     * @param width image width in pixels
     * @param height image height in pixels
     * @param x the dots' image x
     * @param y the dots' image y
     * @param radius dot radius in pixels
     * @param cell grid cell size in pixels
     */
    DotCover(int width, int height, float[] x, float[] y, double radius, double cell) {
        if (!(cell > 0)) {
            throw new IllegalArgumentException("cell must be > 0, got " + cell);
        }
        this.cell = cell;
        this.columns = (int) Math.ceil(width / cell) + 1;
        this.rows = (int) Math.ceil(height / cell) + 1;
        this.dotArea = Math.PI * radius * radius;
        this.sums = new int[(columns + 1) * (rows + 1)];
        for (int i = 0; i < x.length; i++) {
            int c = clamp((int) Math.floor(x[i] / cell), columns);
            int r = clamp((int) Math.floor(y[i] / cell), rows);
            sums[(r + 1) * (columns + 1) + c + 1]++;
        }
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c <= columns; c++) {
                int i = r * (columns + 1) + c;
                sums[i] += sums[i - 1] + sums[i - columns - 1] - sums[i - columns - 2];
            }
        }
    }

    /** The number of dots in the cells that {@code box} touches. */
    int dots(Box box) {
        if (box.right() < 0 || box.bottom() < 0 || box.x() >= columns * cell || box.y() >= rows * cell) {
            return 0;
        }
        int c0 = clamp((int) Math.floor(box.x() / cell), columns);
        int c1 = clamp((int) Math.floor(box.right() / cell), columns);
        int r0 = clamp((int) Math.floor(box.y() / cell), rows);
        int r1 = clamp((int) Math.floor(box.bottom() / cell), rows);
        int w = columns + 1;
        return sums[(r1 + 1) * w + c1 + 1] - sums[r0 * w + c1 + 1] - sums[(r1 + 1) * w + c0] + sums[r0 * w + c0];
    }

    @Override
    public double of(Box box) {
        double area = Math.max(box.width() * box.height(), 1);
        return Math.min(1.0, dots(box) * dotArea / area);
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
