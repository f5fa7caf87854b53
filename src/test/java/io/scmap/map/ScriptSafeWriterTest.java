package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScriptSafeWriterTest {
    @Test
    void escapesEveryCharacterThatCouldEndAScriptOrSpellAUrl() throws Exception {
        StringWriter out = new StringWriter();
        try (ScriptSafeWriter w = new ScriptSafeWriter(out)) {
            w.write("\"</script>&\u2028\u2029 https://x\"");
            w.write('<');
        }
        assertThat(out.toString()).isEqualTo("\"\\u003c\\/script\\u003e\\u0026\\u2028\\u2029 https:\\/\\/x\"\\u003c");
    }

    @Test
    void leavesJsonMeaningUnchanged() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "<>&/\\\"' \u2028\u2029aé🎧\n\t";
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                int cp = alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length()))));
                s.appendCodePoint(cp);
            }
            StringWriter out = new StringWriter();
            try (ScriptSafeWriter w = new ScriptSafeWriter(out)) {
                json.writeValue(w, java.util.List.of(s.toString()));
            }
            assertThat(out.toString()).doesNotContain("<", ">", "&", "\u2028", "\u2029");
            assertThat(unescapedSlashes(out.toString())).isZero();
            assertThat(json.readTree(out.toString()).get(0).asText()).isEqualTo(s.toString());
        }
    }

    /** Slashes in JSON text that are not the second character of an escape sequence. */
    private static int unescapedSlashes(String json) {
        int n = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                n++;
            }
        }
        return n;
    }
}
