package io.scmap.map;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes {@code graph.html}: the ties between the mapped artists as one self-contained page that works
 * from {@code file://} without network, drawn with sigma.js on graphology (both pinned npm build
 * dependencies packed on the classpath, inlined with their licence texts). It is packed like {@code
 * map.html} (see {@link HtmlWriter}): the same Content-Security-Policy, which forbids every request; the
 * points as {@link PageData} (so the page reads them with the map's own {@code data.js} and searches them
 * with its {@code search.js}), the ties as {@link GraphData}; artist text only in JSON through a {@link
 * ScriptSafeWriter} and in gzip'ed base64. Linear in the atlas size, apart from sorting the ties.
 */
final class GraphWriter {
    /** Scripts in the order they are concatenated into the page's own script element. */
    static final List<String> SCRIPTS = List.of(
            "data.js",
            "search.js",
            "graph/ties.js",
            "graph/look.js",
            "graph/cards.js",
            "tip.js",
            "graph/ui.js",
            "graph/main.js");

    /** graphology's UMD bundle, which defines the global {@code graphology}. */
    static final String GRAPHOLOGY = "vendor/graphology/package/dist/graphology.umd.min.js";

    /** sigma.js's UMD bundle, which defines the global {@code Sigma}. */
    static final String SIGMA = "vendor/sigma/package/dist/sigma.min.js";

    static final String GRAPHOLOGY_LICENCE = "vendor/graphology/package/LICENSE.txt";
    static final String SIGMA_LICENCE = "vendor/sigma/package/LICENSE.txt";

    /** A trailing source map comment names a file that is not shipped; the page drops it. */
    private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=\\S*\\s*$");

    private GraphWriter() {}

    static void write(Atlas atlas, Writer out) throws IOException {
        String template = HtmlWriter.resource("graph/graph.html");
        String css = HtmlWriter.resource("graph/graph.css");
        StringBuilder js = new StringBuilder();
        for (String script : SCRIPTS) {
            js.append(HtmlWriter.resource(script)).append('\n');
        }
        String graphology = vendor(GRAPHOLOGY);
        String sigma = vendor(SIGMA);
        HtmlWriter.requireInert(css, "</style");
        for (CharSequence code : List.of(js, graphology, sigma)) {
            HtmlWriter.requireInert(code, "</script");
            HtmlWriter.requireInert(code, "<!--");
        }
        PageData points = PageData.of(atlas);
        GraphData ties = GraphData.of(atlas);
        Map<String, AtomicFiles.Content<Writer>> slots = Map.ofEntries(
                Map.entry("TITLE", w -> w.write(HtmlWriter.escapeHtml(atlas.title()))),
                Map.entry("VERSION", w -> w.write(HtmlWriter.escapeHtml(Versions.tool()))),
                Map.entry("CSS", w -> w.write(css)),
                Map.entry("JS", w -> w.append(js)),
                Map.entry("GRAPHOLOGY", w -> w.write(graphology)),
                Map.entry("SIGMA", w -> w.write(sigma)),
                Map.entry("SIGMALICENCE", w -> w.write(HtmlWriter.escapeHtml(HtmlWriter.resource(SIGMA_LICENCE)))),
                Map.entry(
                        "GRAPHOLOGYLICENCE",
                        w -> w.write(HtmlWriter.escapeHtml(HtmlWriter.resource(GRAPHOLOGY_LICENCE)))),
                Map.entry("META", w -> json(w, points::writeJson)),
                Map.entry("GRAPHMETA", w -> json(w, ties::writeJson)),
                Map.entry("DATA", points::writePayload),
                Map.entry("EDGES", ties::writePayload));
        HtmlWriter.fill(template, slots, out);
    }

    /** A vendor bundle as inlined: without its source map comment. */
    static String vendor(String name) {
        return SOURCE_MAP.matcher(HtmlWriter.resource(name)).replaceAll("");
    }

    private static void json(Writer w, AtomicFiles.Content<Writer> document) throws IOException {
        Writer safe = new ScriptSafeWriter(w);
        document.writeTo(safe);
        safe.flush();
    }
}
