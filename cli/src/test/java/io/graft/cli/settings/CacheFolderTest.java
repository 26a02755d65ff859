package io.graft.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the command keeps its cache: its own variable, then the XDG one, then the home folder. */
class CacheFolderTest {

    private static final Path CWD = Path.of("/work/project");

    private static Path folder(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return CacheFolder.of(new CliEnvironment(env, CWD, false));
    }

    @Test
    void ownVariableThenXdgThenHome() {
        assertThat(folder("GRAFT_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")).isEqualTo(Path.of("/c"));
        assertThat(folder("XDG_CACHE_HOME", "/x", "HOME", "/h")).isEqualTo(Path.of("/x/graft"));
        assertThat(folder("HOME", "/h")).isEqualTo(Path.of("/h/.cache/graft"));
        assertThat(folder()).isNull();
    }

    @Test
    void offKeepsNothingAndRelativeFoldersAreTheWorkingDirectorys() {
        assertThat(folder("GRAFT_CACHE_DIR", "off", "HOME", "/h")).isNull();
        assertThat(folder("GRAFT_CACHE_DIR", "OFF")).isNull();
        assertThat(folder("GRAFT_CACHE_DIR", ".cache/g")).isEqualTo(CWD.resolve(".cache/g"));
        // the XDG specification ignores a relative XDG_CACHE_HOME
        assertThat(folder("XDG_CACHE_HOME", "relative", "HOME", "/h")).isEqualTo(Path.of("/h/.cache/graft"));
        assertThat(folder("GRAFT_CACHE_DIR", "", "HOME", "/h")).isEqualTo(Path.of("/h/.cache/graft"));
    }
}
