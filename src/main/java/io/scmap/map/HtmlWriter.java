package io.scmap.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code map.html}: one self-contained page that works from {@code file://} without network. The
 * template, stylesheet and scripts are resources of this package; deck.gl (the WebGL engine, a pinned npm
 * build dependency packed on the classpath) and its licence text are inlined too. The atlas goes in as a
 * small JSON document through a {@link ScriptSafeWriter} and a gzip'ed binary payload as base64 (see
 * {@link PageData}). The page's Content-Security-Policy forbids every request: inline scripts and styles
 * are all it allows (no images, fonts, workers or connections; no base URL or form targets). Linear in
 * the atlas size.
 */
final class HtmlWriter {
    /** Scripts in the order they are concatenated into the page's one script element. */
    static final List<String> SCRIPTS = List.of(
            "data.js",
            "modes.js",
            "view.js",
            "pick.js",
            "labels.js",
            "cards.js",
            "tip.js",
            "ui.js",
            "search.js",
            "select.js",
            "main.js");

    /** The WebGL engine: deck.gl's UMD bundle, which defines the global {@code deck}. */
    static final String VENDOR = "vendor/deck.gl/package/dist.min.js";

    /** deck.gl's licence text, shipped inside every page. */
    static final String VENDOR_LICENCE = "vendor/deck.gl/package/LICENSE";

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Z]+)}}");

    private HtmlWriter() {}

    static void write(Atlas atlas, Writer out) throws IOException {
        String template = resource("map.html");
        String css = resource("map.css");
        StringBuilder js = new StringBuilder();
        for (String script : SCRIPTS) {
            js.append(resource(script)).append('\n');
        }
        String vendor = resource(VENDOR);
        requireInert(css, "</style");
        requireInert(js, "</script");
        requireInert(js, "<!--");
        requireInert(vendor, "</script");
        requireInert(vendor, "<!--");
        PageData data = PageData.of(atlas);
        Map<String, AtomicFiles.Content<Writer>> slots = Map.of(
                "TITLE", w -> w.write(escapeHtml(atlas.title())),
                "VERSION", w -> w.write(escapeHtml(Versions.tool())),
                "CSS", w -> w.write(css),
                "JS", w -> w.append(js),
                "VENDOR", w -> w.write(vendor),
                "LICENCES", w -> w.write(escapeHtml(resource(VENDOR_LICENCE))),
                "META",
                        w -> {
                            Writer safe = new ScriptSafeWriter(w);
                            data.writeJson(safe);
                            safe.flush();
                        },
                "DATA", data::writePayload);
        fill(template, slots, out);
    }

    /** Copies the template to {@code out}, each {@code {{NAME}}} replaced by what its slot writes. */
    static void fill(String template, Map<String, AtomicFiles.Content<Writer>> slots, Writer out) throws IOException {
        Matcher m = SLOT.matcher(template);
        int at = 0;
        while (m.find()) {
            AtomicFiles.Content<Writer> slot = slots.get(m.group(1));
            if (slot == null) {
                throw new IllegalStateException("page template has an unknown slot " + m.group());
            }
            out.write(template, at, m.start() - at);
            slot.writeTo(out);
            at = m.end();
        }
        out.write(template, at, template.length() - at);
    }

    /** Text escaped for HTML element content and quoted attribute values. */
    static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A resource of this package as UTF-8 text. */
    static String resource(String name) {
        try (InputStream in = HtmlWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/scmap/map/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource io/scmap/map/" + name, e);
        }
    }

    /**
     * Fails when {@code code} holds {@code forbidden} in any letter case: inside a script element, {@code
     * </script} would end it early and {@code <!--} would change how the parser looks for its end.
     */
    static void requireInert(CharSequence code, String forbidden) {
        if (code.toString().toLowerCase(Locale.ROOT).contains(forbidden)) {
            throw new IllegalStateException("page resources must not contain " + forbidden);
        }
    }
}
