package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void roundTripsAnyText() throws Exception {
        List<List<String>> records = List.of(
                List.of("a", "b", "c"),
                SampleAtlases.HOSTILE_NAMES.subList(0, 7),
                SampleAtlases.HOSTILE_NAMES.subList(7, 14),
                List.of("", "\"", "\"\""),
                List.of(",", "\r", "\n"));
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out);
        for (List<String> r : records) {
            writer.write(r);
        }
        assertThat(readAll(out.toString())).isEqualTo(records);
    }

    @Test
    void quotesOnlyWhenNeeded() throws Exception {
        StringWriter out = new StringWriter();
        new CsvWriter(out).write("plain", "a,b", "say \"x\"", " lead", "ü🎧", "");
        assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"x\"\"\",\" lead\",ü🎧,\r\n");
    }

    @Test
    void acceptsCrlfLfAndCrRecordEndsAndAMissingFinalNewline() throws Exception {
        assertThat(readAll("a,b\r\nc,d\ne,f\rg,h"))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
        assertThat(readAll("a,\n")).containsExactly(List.of("a", ""));
    }

    @Test
    void skipsAByteOrderMarkAndKeepsStrayQuotesInPlainFields() throws Exception {
        assertThat(readAll("\uFEFFa,b\"c\n")).containsExactly(List.of("a", "b\"c"));
    }

    @Test
    void reportsBrokenQuotingWithTheRecordNumber() {
        assertThatThrownBy(() -> readAll("h\n\"open"))
                .isInstanceOf(MapFormatException.class)
                .hasMessage("t.csv row 1: unterminated quoted field");
        assertThatThrownBy(() -> readAll("\"a\"b,c\n"))
                .isInstanceOf(MapFormatException.class)
                .hasMessage("t.csv header: unexpected character after a closing quote");
    }

    private static List<List<String>> readAll(String csv) throws Exception {
        CsvReader reader = new CsvReader(new BufferedReader(new StringReader(csv)), "t.csv");
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }
}
