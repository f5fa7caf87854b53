package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graph.html} without a browser: packaging, safety and the data it carries. */
class GraphHtmlTest {
    private static final String CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">";

    @TempDir
    Path dir;

    @Test
    void declaresTheMapsContentSecurityPolicyBeforeAnyScriptOrStyle() throws Exception {
        String html = write(SampleAtlases.hostile());
        assertThat(html).contains(CSP);
        assertThat(html.indexOf(CSP)).isGreaterThan(html.indexOf("<head>"));
        assertThat(html.indexOf(CSP)).isLessThan(html.indexOf("<script")).isLessThan(html.indexOf("<style"));
    }

    @Test
    void isSelfContainedAndNamesNoUrlButTheSoundCloudPrefix() throws Exception {
        String html = write(SampleAtlases.hostile());
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("<iframe");
        // The bundles name URLs of features the page never uses (and the policy would block); the
        // licences name their authors' sites as text; the data elements are checked by
        // hostileTextStaysInsideTheDataElements. Everything else may name only SoundCloud.
        String own = html;
        for (String part : List.of(
                GraphWriter.vendor(GraphWriter.SIGMA),
                GraphWriter.vendor(GraphWriter.GRAPHOLOGY),
                HtmlWriter.escapeHtml(HtmlWriter.resource(GraphWriter.SIGMA_LICENCE)),
                HtmlWriter.escapeHtml(HtmlWriter.resource(GraphWriter.GRAPHOLOGY_LICENCE)),
                PageDecoder.element(html, PageDecoder.DATA_OPEN),
                PageDecoder.element(html, PageDecoder.META_OPEN),
                PageDecoder.element(html, GraphPageDecoder.EDGES_OPEN))) {
            assertThat(own).contains(part);
            own = own.replace(part, "");
        }
        Matcher m = Pattern.compile("(?i)https?://").matcher(own);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(own.substring(m.start(), Math.min(own.length(), m.start() + 23)));
        }
        assertThat(found).containsExactly("https://soundcloud.com/");
        assertThat(own.toLowerCase(Locale.ROOT)).doesNotContain("@import").doesNotContain("url(");
        assertThat(html).doesNotContain("sourceMappingURL");
    }

    @Test
    void inlinesSigmaAndGraphologyWithTheirLicences() throws Exception {
        String html = write(SampleAtlases.hostile());
        String sigma = HtmlWriter.resource(GraphWriter.SIGMA_LICENCE);
        String graphology = HtmlWriter.resource(GraphWriter.GRAPHOLOGY_LICENCE);
        assertThat(sigma).contains("Permission is hereby granted").contains("Jacomy");
        assertThat(graphology).contains("Permission is hereby granted").contains("Plique");
        assertThat(html)
                .contains("<pre>" + HtmlWriter.escapeHtml(sigma) + "</pre>")
                .contains("<pre>" + HtmlWriter.escapeHtml(graphology) + "</pre>");
        assertThat(html)
                .contains("<script>\n" + GraphWriter.vendor(GraphWriter.SIGMA) + "\n</script>")
                .contains("<script>\n" + GraphWriter.vendor(GraphWriter.GRAPHOLOGY) + "\n</script>");
        assertThat(GraphWriter.vendor(GraphWriter.SIGMA)).contains(".Sigma=");
        assertThat(GraphWriter.vendor(GraphWriter.GRAPHOLOGY)).contains(".graphology=");
    }

    @Test
    void hostileTextStaysInsideTheDataElements() throws Exception {
        String html = write(SampleAtlases.hostile());
        assertThat(html)
                .doesNotContain(SampleAtlases.IMG)
                .doesNotContain("<img")
                .doesNotContain("<!--")
                .doesNotContain("\u2028")
                .doesNotContain("\u2029");
        // One end tag per script element: meta, graph-meta, data, edges, graphology, sigma, the page's own.
        assertThat(PageDecoder.count(html.toLowerCase(Locale.ROOT), "</script")).isEqualTo(7);
        for (String open : List.of(PageDecoder.META_OPEN, GraphPageDecoder.GRAPH_META_OPEN)) {
            assertThat(PageDecoder.element(html, open))
                    .doesNotContain("<")
                    .doesNotContain(">")
                    .doesNotContain("&");
        }
        assertThat(PageDecoder.element(html, PageDecoder.DATA_OPEN)).matches("[A-Za-z0-9+/=]*");
        assertThat(PageDecoder.element(html, GraphPageDecoder.EDGES_OPEN)).matches("[A-Za-z0-9+/=]*");
        assertThat(html).contains("<title>Hostile &lt;b&gt;names&lt;/b&gt; &amp; co</title>");
    }

    @Test
    void scriptsSetTextOnlyAndOpenLinksWithoutTheOpener() {
        for (String script : GraphWriter.SCRIPTS) {
            assertThat(HtmlWriter.resource(script))
                    .as(script)
                    .doesNotContain("innerHTML")
                    .doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write")
                    .doesNotContain("eval(")
                    .doesNotContain("new Function")
                    .doesNotContain("fetch(")
                    .doesNotContain("XMLHttpRequest")
                    .doesNotContain("new Image");
        }
        assertThat(HtmlWriter.resource("data.js"))
                .contains("return SOUNDCLOUD + encodeURIComponent(PERMALINK.get(i));");
        assertThat(HtmlWriter.resource("graph/cards.js"))
                .contains("window.open(url, '_blank', 'noopener');")
                .contains("a.rel = 'noopener noreferrer';");
    }

    @Test
    void embedsPointsAndTiesThatReadBackToTheAtlas() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        GraphPageDecoder.Graph graph = GraphPageDecoder.decode(write(atlas));
        assertThat(graph.page().points()).containsExactlyInAnyOrderElementsOf(PageDecoder.asPage(atlas.points()));
        assertThat(graph.page().meta().get("title").asText()).isEqualTo(atlas.title());
        // artist-4 -> not-a-point has no second end on the map.
        assertThat(graph.ties())
                .containsExactlyInAnyOrder(
                        new GraphPageDecoder.Tie("artist-0", "artist-1", 7f),
                        new GraphPageDecoder.Tie("artist-1", "artist-0", 3f),
                        new GraphPageDecoder.Tie("artist-2", "artist-3", 12.5f));
        assertThat(graph.meta().get("edges").asInt()).isEqualTo(3);
        assertThat(graph.meta().get("atlasEdges").asInt()).isEqualTo(4);
    }

    @Test
    void keepsEveryTieBetweenTwoDifferentPointsAtScale() throws Exception {
        Atlas base = GraphAtlases.withTies(SampleAtlases.random(3000, 6, 3), 20_000, 5);
        List<MapEdge> edges = new ArrayList<>(base.edges());
        edges.add(new MapEdge("artist-7", "artist-7", 4.0));
        edges.add(new MapEdge("artist-8", "ghost", 4.0));
        edges.add(new MapEdge("ghost", "artist-8", 4.0));
        edges.add(base.edges().get(0));
        Atlas atlas = new Atlas(base.title(), base.points(), edges, base.neighbors(), base.sceneLabels());
        GraphPageDecoder.Graph graph = GraphPageDecoder.decode(write(atlas));
        List<GraphPageDecoder.Tie> expected = new ArrayList<>();
        for (MapEdge e : base.edges()) {
            expected.add(new GraphPageDecoder.Tie(e.source(), e.target(), (float) e.weight()));
        }
        expected.add(expected.get(0));
        assertThat(graph.ties()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(graph.meta().get("atlasEdges").asInt()).isEqualTo(edges.size());
    }

    @Test
    void writesANodesOnlyPageForAnAtlasWithoutTies() throws Exception {
        Atlas atlas = SampleAtlases.random(200, 4, 1);
        assertThat(atlas.edges()).isEmpty();
        GraphPageDecoder.Graph graph = GraphPageDecoder.decode(write(atlas));
        assertThat(graph.ties()).isEmpty();
        assertThat(graph.meta().get("edges").asInt()).isZero();
        assertThat(graph.meta().get("atlasEdges").asInt()).isZero();
        assertThat(graph.page().points()).hasSize(200);
        GraphPageDecoder.Graph empty =
                GraphPageDecoder.decode(write(new Atlas("empty", List.of(), List.of(), Map.of(), Map.of())));
        assertThat(empty.page().points()).isEmpty();
        assertThat(empty.ties()).isEmpty();
    }

    @Test
    void writesTheSameBytesForTheSameAtlas() throws Exception {
        Atlas atlas = GraphAtlases.withTies(SampleAtlases.random(300, 5, 7), 900, 2);
        assertThat(write(atlas)).isEqualTo(write(atlas));
    }

    @Test
    void writeAllWritesTheGraphPageBesideTheMap() throws Exception {
        Maps.writeAll(SampleAtlases.hostile(), dir, GexfParams.DEFAULTS, Map.of());
        String html = Files.readString(dir.resolve(Maps.GRAPH_HTML));
        assertThat(GraphPageDecoder.decode(html).ties()).hasSize(3);
        assertThat(Files.readString(dir.resolve(Maps.MANIFEST))).contains("\"graph.html\"");
    }

    private String write(Atlas atlas) throws Exception {
        Path file = dir.resolve(Maps.GRAPH_HTML);
        Maps.writeGraphHtml(atlas, file);
        return Files.readString(file);
    }
}
