package io.scmap.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.source.InteractionType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceFilesTest {
    private static final List<String> HOSTILE = List.of(
            "<b>bold</b> & co",
            "quote \"q\" 's'",
            "emoji \uD83C\uDFA7 ünïcödé",
            "</script><i>x</i>",
            "comma, and\nnew line\r\nCRLF",
            "  spaced  ",
            "");

    @TempDir
    Path dir;

    private static InteractionMatrix labelled(SparseMatrix values) {
        List<RowLabel> rows = new ArrayList<>();
        for (int i = 0; i < values.rows(); i++) {
            rows.add(new RowLabel(
                    -1,
                    "artist-" + i,
                    HOSTILE.get(i % HOSTILE.size()),
                    i % 5 == 4 ? -1 : 100L * i,
                    i % 3 == 2 ? null : LocalDate.of(2010 + i % 13, 1 + i % 12, 1 + i % 28)));
        }
        List<ColumnLabel> columns = new ArrayList<>();
        for (int j = 0; j < values.cols(); j++) {
            columns.add(new ColumnLabel(-1, "artist-" + j, j % 4 == 0 ? HOSTILE.get(j % HOSTILE.size()) : ""));
        }
        return new InteractionMatrix(values, rows, columns);
    }

    private InteractionMatrix readBack() throws Exception {
        return Matrices.readReference(
                dir.resolve("sparse_matrix.npz"), dir.resolve("remaining_seeds.csv"), dir.resolve("seeds.csv"));
    }

    @Test
    void writtenTrioReadsBackEqualIncludingHostileNames() throws Exception {
        InteractionMatrix m = labelled(NpzTest.randomMatrix(23, 31, 4));
        Matrices.writeReference(m, dir);
        InteractionMatrix back = readBack();
        NpzTest.assertSameMatrix(back.values(), m.values());
        assertThat(back.rows()).isEqualTo(m.rows());
        assertThat(back.columns()).isEqualTo(m.columns());
        byte[] first = Files.readAllBytes(dir.resolve("sparse_matrix.npz"));
        Matrices.writeReference(m, dir);
        assertThat(Files.readAllBytes(dir.resolve("sparse_matrix.npz"))).isEqualTo(first);
    }

    @Test
    void writesTheReferenceHeadersDatesAndFollowers() throws Exception {
        InteractionMatrix m = labelled(NpzTest.randomMatrix(5, 7, 5));
        Matrices.writeReference(m, dir);
        List<String> rows = Files.readAllLines(dir.resolve("remaining_seeds.csv"));
        assertThat(rows.get(0)).isEqualTo("links,names,followers,emerge_date");
        assertThat(rows.get(2)).isEqualTo("artist-1,\"quote \"\"q\"\" 's'\",100,2/2/2011");
        assertThat(rows.get(3)).isEqualTo("artist-2,emoji \uD83C\uDFA7 ünïcödé,200,");
        List<String> cols = Files.readAllLines(dir.resolve("seeds.csv"));
        assertThat(cols.get(0)).isEqualTo("links,names,followers");
        assertThat(cols.get(2)).isEqualTo("artist-1,,100");
        assertThat(Files.readString(dir.resolve("seeds.csv"))).contains("\r\nartist-5,,\r\n");
    }

    @Test
    void readsScriptAndPandasSpellings() throws Exception {
        Matrices.writeNpz(NpzTest.randomMatrix(4, 2, 6), dir.resolve("sparse_matrix.npz"), true);
        Files.writeString(
                dir.resolve("remaining_seeds.csv"),
                ",links,names,followers,emerge_date\n"
                        + "0,https://soundcloud.com/dj-a/,\"A, the \"\"DJ\"\"\",1234.0,2015-03-07\n"
                        + "1,b,B,nan,2016-01-02 00:00:00\n"
                        + "2,c,\"multi\nline\",,13/45/2020\n"
                        + "3,d,D,7,3/9/2012\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("seeds.csv"), "\uFEFFlinks,names,followers\r\nx,X,\r\ny,,3\r\n");
        InteractionMatrix m = readBack();
        assertThat(m.rows())
                .containsExactly(
                        new RowLabel(-1, "dj-a", "A, the \"DJ\"", 1234, LocalDate.of(2015, 3, 7)),
                        new RowLabel(-1, "b", "B", -1, LocalDate.of(2016, 1, 2)),
                        new RowLabel(-1, "c", "multi\nline", -1, null),
                        new RowLabel(-1, "d", "D", 7, LocalDate.of(2012, 3, 9)));
        assertThat(m.columns()).containsExactly(new ColumnLabel(-1, "x", "X"), new ColumnLabel(-1, "y", ""));
    }

    private void assertFails(String rowsCsv, String colsCsv, String message) throws Exception {
        Matrices.writeNpz(NpzTest.randomMatrix(3, 2, 7), dir.resolve("sparse_matrix.npz"), true);
        Files.writeString(dir.resolve("remaining_seeds.csv"), rowsCsv);
        Files.writeString(dir.resolve("seeds.csv"), colsCsv);
        assertThatThrownBy(this::readBack)
                .isInstanceOf(MatrixFormatException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void namesFileRowAndColumnOfBadLabels() throws Exception {
        String cols = "links,names,followers\nx,X,1\ny,Y,2\n";
        String rows = "links,names,followers,emerge_date\na,A,1,1/1/2020\nb,B,2,\nc,C,3,\n";
        assertFails(rows, cols + "z,Z,3\n", "columns CSV has 3 rows but the matrix has 2 columns");
        assertFails(
                "links,names,followers,emerge_date\na,A,1,1/1/2020\nb,B,2,\n",
                cols,
                "rows CSV has 2 rows but the matrix has 3");
        assertFails(
                rows.replace("b,B,2,", "b,B,many,"),
                cols,
                "remaining_seeds.csv row 2, column followers: not a count: 'many'");
        assertFails(rows, "name,names\nx,X\ny,Y\n", "seeds.csv: no 'links' column in header 'name,names'");
        assertFails(rows.replace("c,C,3,", "c,\"C,3,"), cols, "remaining_seeds.csv row 3: unterminated quoted field");
        assertFails(rows.replace("c,C,3,", "c,C,3"), cols, "remaining_seeds.csv row 3: 3 fields but the header has 4");
    }

    @Test
    void edgeListHasOneLinePerNonzeroCellWithPerTypeCounts() throws Exception {
        SparseMatrix likes = SparseMatrix.of(2, 3, new int[] {0, 2, 2}, new int[] {0, 2}, new double[] {2, 1});
        SparseMatrix follows = SparseMatrix.of(2, 3, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 1});
        SparseMatrix weighted =
                SparseMatrix.of(2, 3, new int[] {0, 3, 4}, new int[] {0, 1, 2, 1}, new double[] {5, 0, 1, 3});
        InteractionMatrix m = new InteractionMatrix(
                weighted,
                List.of(new RowLabel(1, "a,b", "A", 1, null), new RowLabel(2, "c", "C", 1, null)),
                List.of(new ColumnLabel(1, "a,b", "A"), new ColumnLabel(3, "x", "X"), new ColumnLabel(4, "y", "")));
        Map<InteractionType, SparseMatrix> perType = new EnumMap<>(InteractionType.class);
        perType.put(InteractionType.LIKE, likes);
        perType.put(InteractionType.FOLLOW, follows);
        Path csv = dir.resolve("edges.csv");
        Matrices.writeEdgeList(m, perType, csv);
        assertThat(Files.readAllLines(csv))
                .containsExactly(
                        "source,target,weight,likes,comments,reposts,follows",
                        "\"a,b\",\"a,b\",5,2,0,0,1",
                        "\"a,b\",y,1,1,0,0,0",
                        "c,x,3,0,0,0,1");
        perType.put(InteractionType.REPOST, NpzTest.randomMatrix(3, 3, 1));
        assertThatThrownBy(() -> Matrices.writeEdgeList(m, perType, csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REPOST is 3 x 3 but the matrix is 2 x 3");
    }
}
