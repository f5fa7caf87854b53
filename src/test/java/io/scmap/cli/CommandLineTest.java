package io.scmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "simulate", "crawl", "status", "analyze", "render", "export");
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("demo", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--frobnicate").doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownCommandIsExitTwo() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void crawlBenchmarkReportsItsFigures() {
        CliRun run = CliRun.of("bench-crawl", "--artists", "60", "--scenes", "2", "--per-type", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("accounts/minute", "requests/second", "peak heap", "database");
        assertThat(run.out()).containsPattern("accounts +[1-9][0-9]* scraped");
    }

    @Test
    void versionNamesTheTool() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("scmap ");
    }
}
