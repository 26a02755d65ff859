package io.graft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up benchmark still fits the launcher: no timing, only the edits of its copies. */
class StartupTest {

    private static final Path LAUNCHER = Path.of("..", "graft");

    @Test
    void everyLauncherEditStillAppliesAndChangesTheLauncher() throws IOException {
        String launcher = Files.readString(LAUNCHER);
        for (Startup.Variant v : Startup.VARIANTS) {
            String edited = v.launcher().apply(launcher);
            if (v.environment().isEmpty() && !v.picocliAsShipped()) {
                assertThat(edited).as(v.name()).isNotEqualTo(launcher);
            }
        }
    }

    @Test
    void theSuiteRunsJavaWithTheLaunchersFlags() throws IOException {
        String line = Files.readAllLines(LAUNCHER).stream().filter(l -> l.startsWith("flags=(")).findFirst()
                .orElseThrow();
        List<String> flags = List.of(line.substring("flags=(".length(), line.indexOf(')')).split(" "));
        assertThat(Suite.LAUNCHER_FLAGS).isEqualTo(flags);
    }

    @Test
    void removeFlagTakesOutOneFlagWhereverItStands() {
        String text = "x\nflags=(-A -B -C)\ny\n";
        assertThat(Startup.removeFlag(text, "-A")).isEqualTo("x\nflags=(-B -C)\ny\n");
        assertThat(Startup.removeFlag(text, "-B")).isEqualTo("x\nflags=(-A -C)\ny\n");
        assertThat(Startup.removeFlag(text, "-C")).isEqualTo("x\nflags=(-A -B)\ny\n");
    }
}
