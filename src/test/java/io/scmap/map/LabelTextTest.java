package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelTextTest {
    @Test
    void cleaningDropsControlAndFormatCharactersAndFoldsWhitespace() {
        assertThat(LabelText.clean("two\nlines\r\n and\ttabs")).isEqualTo("two lines and tabs");
        assertThat(LabelText.clean("\u202Egnp.exe")).isEqualTo("gnp.exe");
        assertThat(LabelText.clean("zero\u200Bwidth\u0000nul\u0007bell")).isEqualTo("zerowidthnulbell");
        assertThat(LabelText.clean("line\u2028separator\u2029paragraph")).isEqualTo("line separator paragraph");
        assertThat(LabelText.clean("  spaced  ")).isEqualTo("spaced");
        assertThat(LabelText.clean("lone \uD800 surrogate")).isEqualTo("lone surrogate");
    }

    @Test
    void cleaningKeepsScriptsEmojiAndMarkup() {
        assertThat(LabelText.clean("DJ 🎧🔥 Ünïcødé")).isEqualTo("DJ 🎧🔥 Ünïcødé");
        assertThat(LabelText.clean("مرحبا 東京 서울")).isEqualTo("مرحبا 東京 서울");
        assertThat(LabelText.clean("</text><script>")).isEqualTo("</text><script>");
    }

    @Test
    void truncationNeverSplitsACodePoint() {
        assertThat(LabelText.truncate("🎧🎧🎧🎧", 3)).isEqualTo("🎧🎧…");
        assertThat(LabelText.truncate("short", 5)).isEqualTo("short");
        assertThat(LabelText.truncate("abc def", 5)).isEqualTo("abc…");
    }

    @Test
    void sceneLabelsPackNamesIntoAtMostTheGivenLines() {
        assertThat(LabelText.lines("a · b · c", 28, 2, "x")).containsExactly("a · b · c");
        assertThat(LabelText.lines("nightglass79 · driftlunar69 · lil violet", 28, 2, "x"))
                .containsExactly("nightglass79 · driftlunar69", "lil violet");
        assertThat(LabelText.lines("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa · b · c · d", 10, 2, "x"))
                .containsExactly("aaaaaaaaa…", "b · c · d");
        assertThat(LabelText.lines("one · two · three", 3, 2, "x")).containsExactly("one", "two");
    }

    @Test
    void namesThatCleanToNothingAreSkippedAndTheFallbackStandsInForAnEmptyLabel() {
        assertThat(LabelText.lines("\u202E · \n · ok", 28, 2, "scene 3")).containsExactly("ok");
        assertThat(LabelText.lines("\u0000 · \u200B", 28, 2, "scene 3")).isEqualTo(List.of("scene 3"));
    }
}
