package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColourTest {

    @TempDir
    Path dir;

    private static final String RED = "\u001b[31m";

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertThat(new CliRun(dir).terminal(true).run("down").err()).startsWith(RED + "graft: error:");
        assertThat(new CliRun(dir).terminal(false).run("down").err()).startsWith("graft: error:");
        assertThat(new CliRun(dir).terminal(true).run("--no-color", "down").err()).startsWith("graft: error:");
        assertThat(new CliRun(dir).terminal(true).env("NO_COLOR", "1").run("down").err()).startsWith("graft: error:");
        assertThat(new CliRun(dir).terminal(true).env("GRAFT_NO_COLOR", "true").run("down").err())
                .startsWith("graft: error:");
    }

    @Test
    void passwordOnTheCommandLineIsWarnedAbout() {
        CliRun.Result r = new CliRun(dir).run("--password", "pw123", "--table-prefix", "x-y", "status");
        assertThat(r.err()).contains("prefer the environment variable GRAFT_PASSWORD").doesNotContain("pw123");
        CliRun.Result quiet = new CliRun(dir).env("GRAFT_PASSWORD", "pw123").run("--table-prefix", "x-y", "status");
        assertThat(quiet.err()).doesNotContain("GRAFT_PASSWORD");
    }
}
