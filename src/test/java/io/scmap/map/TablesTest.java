package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scmap.cluster.Generation;
import io.scmap.source.InteractionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAnAtlasWithHostileNamesExactly() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        Maps.writeTables(atlas, dir);
        Atlas back = Maps.readAtlas(dir).withTitle(atlas.title());
        assertThat(back.points()).containsExactlyElementsOf(atlas.points());
        assertThat(back.edges()).containsExactlyElementsOf(atlas.edges());
        assertThat(back.neighbors()).isEqualTo(atlas.neighbors());
        assertThat(back.sceneLabels()).isEqualTo(atlas.sceneLabels());
        assertThat(back).isEqualTo(atlas);
    }

    @Test
    void writesTheDocumentedHeadersWithCrlfRecordEnds() throws Exception {
        Maps.writeTables(SampleAtlases.hostile(), dir);
        assertThat(firstLine(Maps.POINTS))
                .isEqualTo("permalink,name,followers,emerge_date,generation,x,y,cluster,cluster_label,id\r\n");
        assertThat(firstLine(Maps.EDGES)).isEqualTo("source,target,weight,likes,comments,reposts,follows\r\n");
        assertThat(firstLine(Maps.NEIGHBORS)).isEqualTo("permalink,rank,neighbor\r\n");
        String points = Files.readString(dir.resolve(Maps.POINTS));
        assertThat(points)
                .contains("artist-0,<img src=x onerror=alert(1)>,1,2010-01-01,before 2013,")
                .contains("\"He said \"\"hi\"\", then left\"")
                .contains("\"two\nlines\"");
        assertThat(Files.readString(dir.resolve(Maps.EDGES))).contains("artist-0,artist-1,7.0,1,0,0,2\r\n");
        assertThat(Files.readString(dir.resolve(Maps.NEIGHBORS)))
                .startsWith("permalink,rank,neighbor\r\nartist-0,1,artist-1\r\nartist-0,2,artist-2\r\n");
    }

    @Test
    void unknownValuesAreEmptyCells() throws Exception {
        MapPoint p = new MapPoint(-1, "who", "Who", -1, null, null, 0.5, -0.25, -1, "");
        Maps.writeTables(new Atlas("t", List.of(p), List.of(), Map.of(), Map.of()), dir);
        assertThat(Files.readAllLines(dir.resolve(Maps.POINTS)).get(1)).isEqualTo("who,Who,,,,0.5,-0.25,-1,,");
    }

    @Test
    void coordinatesSurviveTheRoundTripBitForBit() throws Exception {
        double[] hard = {Math.PI, -0.1 + 0.2, 1e-300, -Double.MIN_VALUE, 123456789.12345679, Math.ulp(1.0)};
        List<MapPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < hard.length; i++) {
            points.add(new MapPoint(i, "p" + i, "P", 1, null, null, hard[i], -hard[i], -1, ""));
        }
        Maps.writeTables(new Atlas("t", points, List.of(), Map.of(), Map.of()), dir);
        List<MapPoint> back = Maps.readAtlas(dir).points();
        for (int i = 0; i < hard.length; i++) {
            assertThat(back.get(i).x()).isEqualTo(hard[i]);
            assertThat(back.get(i).y()).isEqualTo(-hard[i]);
        }
    }

    @Test
    void writesNeighboursInPointOrderWhateverTheMapOrder() throws Exception {
        List<MapPoint> points = List.of(
                new MapPoint(1, "b", "B", 1, null, null, 0, 0, -1, ""),
                new MapPoint(2, "a", "A", 1, null, null, 1, 1, -1, ""));
        Map<String, List<String>> neighbors = new java.util.HashMap<>();
        neighbors.put("zz-not-a-point", List.of("a"));
        neighbors.put("a", List.of("b"));
        neighbors.put("b", List.of("a"));
        neighbors.put("c-not-a-point", List.of("b"));
        Maps.writeTables(new Atlas("t", points, List.of(), neighbors, Map.of()), dir);
        assertThat(Files.readString(dir.resolve(Maps.NEIGHBORS)))
                .isEqualTo("permalink,rank,neighbor\r\nb,1,a\r\na,1,b\r\nc-not-a-point,1,b\r\nzz-not-a-point,1,a\r\n");
    }

    @Test
    void readsAMinimalPointsFileWithDefaults() throws Exception {
        write(Maps.POINTS, "\uFEFFx,permalink,y,emerge_date\nfoo,1.5,2\n".replace("foo,1.5,2", "1.5,foo,2,2016-03-04"));
        Atlas atlas = Maps.readAtlas(dir);
        assertThat(atlas.title()).isEqualTo(dir.getFileName().toString());
        assertThat(atlas.points())
                .containsExactly(new MapPoint(
                        -1, "foo", "foo", -1, LocalDate.of(2016, 3, 4), Generation.Y2015_16, 1.5, 2, -1, ""));
        assertThat(atlas.edges()).isEmpty();
        assertThat(atlas.neighbors()).isEmpty();
    }

    @Test
    void acceptsGenerationLabelsWithAPlainHyphenAndEnumNames() throws Exception {
        write(Maps.POINTS, "permalink,x,y,generation\na,0,0,2013-14\nb,0,0,SINCE_2021\nc,0,0,\n");
        assertThat(Maps.readAtlas(dir).points())
                .extracting(MapPoint::generation)
                .containsExactly(Generation.Y2013_14, Generation.SINCE_2021, null);
    }

    @Test
    void readsEdgesWithoutCountColumnsAndNeighborsOutOfRankOrder() throws Exception {
        write(Maps.POINTS, "permalink,x,y\na,0,0\nb,1,1\n");
        write(Maps.EDGES, "source,target,weight,follows\na,b,4,2\n");
        write(Maps.NEIGHBORS, "permalink,rank,neighbor\r\na,2,c\r\na,1,b\r\n");
        Atlas atlas = Maps.readAtlas(dir);
        assertThat(atlas.edges()).containsExactly(new MapEdge("a", "b", 4, Map.of(InteractionType.FOLLOW, 2)));
        assertThat(atlas.neighbors()).isEqualTo(Map.of("a", List.of("b", "c")));
    }

    @Test
    void namesTheMissingColumn() throws Exception {
        write(Maps.POINTS, "permalink,name,x\na,A,1\n");
        assertFormatError("points.csv: missing column 'y'");
    }

    @Test
    void namesRowAndColumnOfANonNumber() throws Exception {
        write(Maps.POINTS, "permalink,x,y\na,1,2\nb,abc,3\n");
        assertFormatError("points.csv row 2: column 'x' is not a number: 'abc'");
    }

    @Test
    void rejectsAPointsFileWithoutRows() throws Exception {
        write(Maps.POINTS, "permalink,x,y\r\n");
        assertFormatError("points.csv has no rows");
    }

    @Test
    void rejectsAnEmptyPointsFile() throws Exception {
        write(Maps.POINTS, "");
        assertFormatError("points.csv is empty");
    }

    @Test
    void rejectsNonFiniteCoordinates() throws Exception {
        write(Maps.POINTS, "permalink,x,y\na,NaN,0\n");
        assertFormatError("points.csv row 1: column 'x' is not a finite number: 'NaN'");
    }

    @Test
    void rejectsRowsOfTheWrongWidth() throws Exception {
        write(Maps.POINTS, "permalink,x,y\na,1,2\nb,1\n");
        assertFormatError("points.csv row 2: expected 3 fields, found 2");
    }

    @Test
    void rejectsARepeatedPermalink() throws Exception {
        write(Maps.POINTS, "permalink,x,y\na,1,2\nb,1,1\na,0,0\n");
        assertFormatError("points.csv row 3: permalink 'a' repeats row 1");
    }

    @Test
    void rejectsBadDatesGenerationsAndClusters() throws Exception {
        write(Maps.POINTS, "permalink,x,y,emerge_date\na,1,2,2020-13-01\n");
        assertFormatError("points.csv row 1: column 'emerge_date' is not a date (yyyy-mm-dd): '2020-13-01'");
        write(Maps.POINTS, "permalink,x,y,generation\na,1,2,1990s\n");
        assertFormatError("points.csv row 1: column 'generation' is not a generation: '1990s'");
        write(Maps.POINTS, "permalink,x,y,cluster\na,1,2,-2\n");
        assertFormatError("points.csv row 1: column 'cluster' is not a cluster number (-1 for noise): '-2'");
    }

    @Test
    void quotesHostileValuesInErrorsOnOneLine() throws Exception {
        write(Maps.POINTS, "permalink,x,y\na,\"1\n2\",3\n");
        assertFormatError("points.csv row 1: column 'x' is not a number: '1\\u000a2'");
    }

    @Test
    void reportsMalformedQuotingInEdgesAndNeighbors() throws Exception {
        write(Maps.POINTS, "permalink,x,y\na,1,2\n");
        write(Maps.EDGES, "source,target,weight\na,a,\"1\n");
        assertFormatError("edges.csv row 1: unterminated quoted field");
        write(Maps.EDGES, "source,target,weight\na,a,1,\n");
        assertFormatError("edges.csv row 1: expected 3 fields, found 4");
        Files.delete(dir.resolve(Maps.EDGES));
        write(Maps.NEIGHBORS, "permalink,rank,neighbor\na,0,b\n");
        assertFormatError("neighbors.csv row 1: column 'rank' is not a rank (1, 2, ...): '0'");
    }

    @Test
    void aMissingPointsFileIsAnIoError() {
        assertThatThrownBy(() -> Maps.readAtlas(dir)).isInstanceOf(NoSuchFileException.class);
    }

    private void assertFormatError(String message) {
        assertThatThrownBy(() -> Maps.readAtlas(dir))
                .isInstanceOf(MapFormatException.class)
                .hasMessage(message);
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
    }

    private String firstLine(String file) throws IOException {
        String text = Files.readString(dir.resolve(file));
        return text.substring(0, text.indexOf('\n') + 1);
    }
}
