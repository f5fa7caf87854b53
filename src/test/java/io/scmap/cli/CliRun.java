package io.scmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code scmap} command line with captured output, for tests. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ScmapCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Asserts that the run failed with {@code exitCode} and one line on stderr holding the fragments, no trace. */
    static void assertOneLineError(CliRun run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("scmap: ").contains(fragments).doesNotContain("\tat ", "Exception:");
    }
}
