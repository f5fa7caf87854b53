package io.scmap.matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A matrix in the reference's shape with planted scenes, deterministic from a seed: row {@code i}
 * ({@code artist-i}) is also column {@code i}; then come columns of listeners who are never
 * scraped, a column nobody interacts with, and two rows that are no column. Each row interacts
 * with about 45 accounts, mostly of its own scene (rows and listeners with the same index modulo
 * the scene count), with weights 1 (like) or 3 (comment, repost, follow), sometimes summed. Row 0
 * holds an explicit zero and a fractional weight; a few rows lack followers or an emerge date;
 * a few names carry markup; columns are named differently from their rows.
 */
public final class PlantedTrio {
    private PlantedTrio() {}

    /** Writes the reference's three files into {@code dir}, as {@link Matrices#writeReference} does. */
    public static InteractionMatrix write(Path dir, int rows, int scenes, long seed) throws IOException {
        InteractionMatrix m = matrix(rows, scenes, seed);
        Matrices.writeReference(m, dir);
        return m;
    }

    public static InteractionMatrix matrix(int rows, int scenes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int artists = rows - 2;
        int fans = rows / 2;
        List<ColumnLabel> columns = new ArrayList<>();
        List<RowLabel> rowLabels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String permalink = i < artists ? String.format(java.util.Locale.ROOT, "artist-%04d", i) : "solo-" + i;
            String name = i % 50 == 3 ? "<b>DJ " + i + "</b> & \"co\", ünï" : "Artist " + i;
            long followers = i % 37 == 5 ? -1 : 10 + random.nextInt(100_000);
            LocalDate emerge = i % 41 == 7 ? null : LocalDate.of(2010, 1, 1).plusDays(random.nextInt(13 * 365));
            rowLabels.add(new RowLabel(-1, permalink, name, followers, emerge));
            if (i < artists) {
                columns.add(new ColumnLabel(-1, permalink, permalink));
            }
        }
        for (int f = 0; f < fans; f++) {
            columns.add(new ColumnLabel(-1, String.format(java.util.Locale.ROOT, "fan-%04d", f), "Fan " + f));
        }
        columns.add(new ColumnLabel(-1, "silent", "Nobody interacts with me"));
        int interacting = columns.size() - 1;
        List<Map<Integer, Double>> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Map<Integer, Double> row = new TreeMap<>();
            int scene = i % scenes;
            for (int k = 0; k < 45; k++) {
                int j = random.nextInt(interacting);
                if (random.nextDouble() < 0.85) {
                    j = j - j % scenes + scene;
                    j = j >= interacting ? scene : j;
                }
                row.merge(j, random.nextDouble() < 0.6 ? 1.0 : 3.0, Double::sum);
            }
            cells.add(row);
        }
        cells.get(0).put(interacting - 1, 0.0);
        cells.get(0).put(interacting - 2, 0.1);
        return new InteractionMatrix(csr(cells, columns.size()), rowLabels, columns);
    }

    private static SparseMatrix csr(List<Map<Integer, Double>> cells, int cols) {
        int nnz = cells.stream().mapToInt(Map::size).sum();
        int[] indptr = new int[cells.size() + 1];
        int[] indices = new int[nnz];
        double[] data = new double[nnz];
        int p = 0;
        for (int i = 0; i < cells.size(); i++) {
            for (Map.Entry<Integer, Double> e : cells.get(i).entrySet()) {
                indices[p] = e.getKey();
                data[p++] = e.getValue();
            }
            indptr[i + 1] = p;
        }
        return SparseMatrix.of(cells.size(), cols, indptr, indices, data);
    }
}
