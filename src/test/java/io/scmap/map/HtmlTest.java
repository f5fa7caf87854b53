package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scmap.cluster.Generation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlTest {
    private static final String CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:\">";
    private static final String DATA_OPEN = "<script type=\"application/json\" id=\"data\">";

    @TempDir
    Path dir;

    @Test
    void declaresAContentSecurityPolicyThatForbidsEveryRequest() throws Exception {
        String html = write(SampleAtlases.hostile());
        assertThat(html).contains(CSP);
        int head = html.indexOf("<head>");
        assertThat(html.indexOf(CSP)).isGreaterThan(head).isLessThan(html.indexOf("<script"));
        assertThat(html.indexOf(CSP)).isLessThan(html.indexOf("<style"));
    }

    @Test
    void referencesNoUrlButTheSoundCloudPrefix() throws Exception {
        String html = write(SampleAtlases.hostile());
        Matcher m = Pattern.compile("(?i)https?://").matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(html.substring(m.start(), Math.min(html.length(), m.start() + 23)));
        }
        assertThat(found).containsExactly("https://soundcloud.com/");
        String outsideData = html.substring(0, html.indexOf(DATA_OPEN)) + html.substring(dataEnd(html));
        assertThat(outsideData.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("src=")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("//cdn");
    }

    @Test
    void noArtistStringCanBreakOutOfTheDataElement() throws Exception {
        String html = write(SampleAtlases.hostile());
        assertThat(html)
                .doesNotContain(SampleAtlases.IMG)
                .doesNotContain("<img")
                .doesNotContain("<!--");
        assertThat(html).doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(count(html, "</script")).isEqualTo(2);
        String data = html.substring(html.indexOf(DATA_OPEN) + DATA_OPEN.length(), dataEnd(html));
        assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(html).contains("<title>Hostile &lt;b&gt;names&lt;/b&gt; &amp; co</title>");
    }

    @Test
    void scriptsSetTextOnlyThroughTextContent() {
        for (String script : HtmlWriter.SCRIPTS) {
            assertThat(HtmlWriter.resource(script))
                    .as(script)
                    .doesNotContain("innerHTML")
                    .doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write")
                    .doesNotContain("eval(")
                    .doesNotContain("new Function")
                    .doesNotContain("fetch(")
                    .doesNotContain("XMLHttpRequest");
        }
        assertThat(HtmlWriter.resource("ui.js"))
                .contains("window.open(SOUNDCLOUD + encodeURIComponent(PTS.permalink[i]), '_blank', 'noopener')");
    }

    @Test
    void embedsJsonThatParsesBackToTheAtlas() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        JsonNode data = embedded(write(atlas));
        assertThat(data.get("title").asText()).isEqualTo(atlas.title());
        List<Generation> generations = new ArrayList<>();
        data.get("generations")
                .forEach(g -> generations.add(Generation.valueOf(g.get("key").asText())));
        assertThat(generations).containsExactly(Generation.values());
        assertThat(points(data, generations)).isEqualTo(withoutLabels(atlas.points()));

        Map<Integer, String> labels = new TreeMap<>();
        data.get("scenes")
                .forEach(
                        s -> labels.put(s.get("cluster").asInt(), s.get("label").asText()));
        assertThat(labels).isEqualTo(atlas.sceneLabels());

        JsonNode p = data.get("points");
        for (int i = 0; i < atlas.points().size(); i++) {
            List<String> near = new ArrayList<>();
            p.get("neighbors")
                    .get(i)
                    .forEach(j -> near.add(p.get("permalink").get(j.asInt()).asText()));
            assertThat(near)
                    .isEqualTo(atlas.neighbors().get(atlas.points().get(i).permalink()));
        }
    }

    @Test
    void keepsAtMostTenNeighboursThatArePoints() throws Exception {
        List<MapPoint> points = new ArrayList<>();
        List<String> near = new ArrayList<>(List.of("ghost"));
        for (int i = 0; i < 15; i++) {
            points.add(new MapPoint(i, "p" + i, "P" + i, 1, null, null, i, i, -1, ""));
            near.add("p" + i);
        }
        JsonNode data = embedded(write(new Atlas("t", points, List.of(), Map.of("p0", near), Map.of())));
        JsonNode first = data.get("points").get("neighbors").get(0);
        assertThat(first).hasSize(PageData.MAX_NEIGHBORS);
        assertThat(first.get(0).asInt()).isZero();
        assertThat(data.get("points").get("neighbors").get(1)).isEmpty();
    }

    @Test
    void writesTheSameBytesForTheSameAtlas() throws Exception {
        Atlas atlas = SampleAtlases.random(300, 5, 7);
        assertThat(write(atlas)).isEqualTo(write(atlas));
    }

    @Test
    void writesAPageForAnEmptyAtlas() throws Exception {
        JsonNode data = embedded(write(new Atlas("empty", List.of(), List.of(), Map.of(), Map.of())));
        assertThat(data.get("points").get("x")).isEmpty();
        assertThat(data.get("scenes")).isEmpty();
    }

    private String write(Atlas atlas) throws Exception {
        Path file = dir.resolve(Maps.HTML);
        Maps.writeHtml(atlas, file);
        return Files.readString(file);
    }

    private static JsonNode embedded(String html) throws Exception {
        int start = html.indexOf(DATA_OPEN) + DATA_OPEN.length();
        return new ObjectMapper().readTree(html.substring(start, dataEnd(html)));
    }

    private static int dataEnd(String html) {
        return html.indexOf("</script>", html.indexOf(DATA_OPEN));
    }

    private static List<MapPoint> points(JsonNode data, List<Generation> generations) {
        JsonNode p = data.get("points");
        List<MapPoint> out = new ArrayList<>();
        for (int i = 0; i < p.get("x").size(); i++) {
            JsonNode date = p.get("emergeDate").get(i);
            int g = p.get("generation").get(i).asInt();
            out.add(new MapPoint(
                    p.get("id").get(i).asLong(),
                    p.get("permalink").get(i).asText(),
                    p.get("name").get(i).asText(),
                    p.get("followers").get(i).asLong(),
                    date.isNull() ? null : LocalDate.parse(date.asText()),
                    g < 0 ? null : generations.get(g),
                    p.get("x").get(i).asDouble(),
                    p.get("y").get(i).asDouble(),
                    p.get("cluster").get(i).asInt(),
                    ""));
        }
        return out;
    }

    private static List<MapPoint> withoutLabels(List<MapPoint> points) {
        return points.stream()
                .map(p -> new MapPoint(
                        p.id(),
                        p.permalink(),
                        p.name(),
                        p.followers(),
                        p.emergeDate(),
                        p.generation(),
                        p.x(),
                        p.y(),
                        p.cluster(),
                        ""))
                .toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
