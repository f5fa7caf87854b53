package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scmap.cluster.Generation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlTest {
    private static final String CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">";

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
        // deck.gl's bundle names URLs (documentation, optional loaders) that the page never uses and the
        // policy would block; base64 may spell anything and the JSON holds artist text (checked inert by
        // noArtistStringCanBreakOutOfTheDataElements); everything else may name only SoundCloud.
        String vendor = HtmlWriter.resource(HtmlWriter.VENDOR);
        assertThat(html).contains(vendor);
        String own = html.replace(vendor, "")
                .replace(PageDecoder.element(html, PageDecoder.DATA_OPEN), "")
                .replace(PageDecoder.element(html, PageDecoder.META_OPEN), "");
        Matcher m = Pattern.compile("(?i)https?://").matcher(own);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(own.substring(m.start(), Math.min(own.length(), m.start() + 23)));
        }
        assertThat(found).containsExactly("https://soundcloud.com/");
        assertThat(own.toLowerCase(Locale.ROOT))
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("src=")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("//cdn");
    }

    @Test
    void inlinesDeckGlWithItsLicence() throws Exception {
        String html = write(SampleAtlases.hostile());
        String licence = HtmlWriter.resource(HtmlWriter.VENDOR_LICENCE);
        assertThat(licence).contains("Permission is hereby granted");
        assertThat(html).contains("<pre>" + HtmlWriter.escapeHtml(licence) + "</pre>");
        assertThat(html).contains("<script>\n" + HtmlWriter.resource(HtmlWriter.VENDOR) + "\n</script>");
    }

    @Test
    void refusesScriptsThatCouldEndTheirElement() {
        assertThatThrownBy(() -> HtmlWriter.requireInert("a = '</SCRIPT>'", "</script"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("</script");
        assertThatThrownBy(() -> HtmlWriter.requireInert("x <!-- y", "<!--")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noArtistStringCanBreakOutOfTheDataElements() throws Exception {
        String html = write(SampleAtlases.hostile());
        assertThat(html)
                .doesNotContain(SampleAtlases.IMG)
                .doesNotContain("<img")
                .doesNotContain("<!--");
        assertThat(html).doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(PageDecoder.count(html, "</script")).isEqualTo(4);
        String meta = PageDecoder.element(html, PageDecoder.META_OPEN);
        assertThat(meta).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(PageDecoder.element(html, PageDecoder.DATA_OPEN)).matches("[A-Za-z0-9+/=]*");
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
                    .doesNotContain("XMLHttpRequest")
                    .doesNotContain("importScripts");
        }
        assertThat(HtmlWriter.resource("data.js"))
                .contains("return SOUNDCLOUD + encodeURIComponent(PERMALINK.get(i));");
        assertThat(HtmlWriter.resource("cards.js")).contains("window.open(url, '_blank', 'noopener');");
    }

    @Test
    void embedsDataThatReadsBackToTheAtlas() throws Exception {
        Atlas atlas = SampleAtlases.hostile();
        PageDecoder.Page page = PageDecoder.decode(write(atlas));
        JsonNode meta = page.meta();
        assertThat(meta.get("title").asText()).isEqualTo(atlas.title());
        assertThat(meta.get("count").asInt()).isEqualTo(atlas.points().size());
        List<Generation> generations = new ArrayList<>();
        meta.get("generations")
                .forEach(g -> generations.add(Generation.valueOf(g.get("key").asText())));
        assertThat(generations).containsExactly(Generation.values());
        assertThat(page.points()).containsExactlyInAnyOrderElementsOf(PageDecoder.asPage(atlas.points()));

        Map<Integer, String> labels = new TreeMap<>();
        meta.get("scenes")
                .forEach(
                        s -> labels.put(s.get("cluster").asInt(), s.get("label").asText()));
        assertThat(labels).isEqualTo(atlas.sceneLabels());
        assertThat(page.neighbors()).isEqualTo(atlas.neighbors());
    }

    @Test
    void readsBackALargerRandomAtlasInSpatialOrder() throws Exception {
        Atlas atlas = SampleAtlases.random(3000, 6, 3);
        PageDecoder.Page page = PageDecoder.decode(write(atlas));
        assertThat(page.points()).containsExactlyInAnyOrderElementsOf(PageDecoder.asPage(atlas.points()));
        assertThat(page.neighbors()).isEqualTo(atlas.neighbors());
        // Neighbouring page indices are near on the map: the Z-order keeps consecutive points close.
        double mean = 0;
        for (int i = 1; i < page.points().size(); i++) {
            MapPoint a = page.points().get(i - 1);
            MapPoint b = page.points().get(i);
            mean += Math.hypot(a.x() - b.x(), a.y() - b.y()) / page.points().size();
        }
        assertThat(mean).isLessThan(1.0);
    }

    @Test
    void keepsAtMostTenNeighboursThatArePoints() throws Exception {
        List<MapPoint> points = new ArrayList<>();
        List<String> near = new ArrayList<>(List.of("ghost"));
        for (int i = 0; i < 15; i++) {
            points.add(new MapPoint(i, "p" + i, "P" + i, 1, null, null, i, i, -1, ""));
            near.add("p" + i);
        }
        PageDecoder.Page page =
                PageDecoder.decode(write(new Atlas("t", points, List.of(), Map.of("p0", near), Map.of())));
        assertThat(page.neighbors().get("p0")).hasSize(PageData.MAX_NEIGHBORS).startsWith("p0", "p1");
        assertThat(page.neighbors().get("p1")).isEmpty();
    }

    @Test
    void replacesUnpairedSurrogatesSoThatLengthsStayExact() throws Exception {
        assertThat(ColumnPacker.wellFormed("a\uD800b\uDC00c\uD83C\uDFA7")).isEqualTo("a\uFFFDb\uFFFDc\uD83C\uDFA7");
        MapPoint odd = new MapPoint(1, "odd", "x\uD800y", 1, null, null, 0, 0, -1, "");
        MapPoint next = new MapPoint(2, "next", "🎧 after", 1, null, null, 1, 1, -1, "");
        PageDecoder.Page page =
                PageDecoder.decode(write(new Atlas("t", List.of(odd, next), List.of(), Map.of(), Map.of())));
        assertThat(page.points()).extracting(MapPoint::name).containsExactlyInAnyOrder("x\uFFFDy", "🎧 after");
    }

    @Test
    void writesTheSameBytesForTheSameAtlas() throws Exception {
        Atlas atlas = SampleAtlases.random(300, 5, 7);
        assertThat(write(atlas)).isEqualTo(write(atlas));
    }

    @Test
    void writesAPageForAnEmptyAtlas() throws Exception {
        PageDecoder.Page page = PageDecoder.decode(write(new Atlas("empty", List.of(), List.of(), Map.of(), Map.of())));
        assertThat(page.points()).isEmpty();
        assertThat(page.meta().get("scenes")).isEmpty();
    }

    private String write(Atlas atlas) throws Exception {
        Path file = dir.resolve(Maps.HTML);
        Maps.writeHtml(atlas, file);
        return Files.readString(file);
    }
}
