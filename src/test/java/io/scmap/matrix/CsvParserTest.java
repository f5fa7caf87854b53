package io.scmap.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {
    @Test
    void splitsPlainQuotedAndEmptyFieldsAsPythonsCsvModule() throws Exception {
        String text = "links,names\r\nartist-1,\"Smith, J\"\nartist-2,\"say \"\"hi\"\"\"\n,\n"
                + "x\"y,z\"\"w\r\n\"\"tail,\"multi\nline\"\n\nlast,";
        assertThat(CsvParser.parse(text, "t.csv"))
                .containsExactly(
                        List.of("links", "names"),
                        List.of("artist-1", "Smith, J"),
                        List.of("artist-2", "say \"hi\""),
                        List.of("", ""),
                        List.of("x\"y", "z\"\"w"),
                        List.of("tail", "multi\nline"),
                        List.of("last", ""));
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertThatThrownBy(() -> CsvParser.parse("a,\"b\nc", "t.csv"))
                .isInstanceOf(MatrixFormatException.class)
                .hasMessageContaining("t.csv")
                .hasMessageContaining("unterminated");
    }
}
