package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void createsChangelogAndSqlFolder() throws Exception {
        CliRun.Result r = new CliRun(dir).run("init");
        assertThat(r.exitCode()).isZero();
        Path changelog = dir.resolve("changelog.yaml");
        assertThat(Files.readString(changelog)).contains("changelog: 1\n").contains("\nrevisions: []\n")
                .contains("#   - id: 0001_create_users");
        assertThat(dir.resolve("sql")).isDirectory();
        assertThat(r.out()).contains("Created " + changelog);
    }

    @Test
    void honoursTheChangelogOptionAndGraftYaml() throws Exception {
        assertThat(new CliRun(dir).run("-c", "db/main.yaml", "init").exitCode()).isZero();
        assertThat(dir.resolve("db/main.yaml")).isRegularFile();
        assertThat(dir.resolve("db/sql")).isDirectory();

        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("graft.yaml"), "changelog: migrations/changelog.yaml\n");
        assertThat(new CliRun(project).run("init").exitCode()).isZero();
        assertThat(project.resolve("migrations/changelog.yaml")).isRegularFile();
    }

    @Test
    void refusesToOverwrite() throws Exception {
        Files.writeString(dir.resolve("changelog.yaml"), "mine");
        CliRun.Result r = new CliRun(dir).run("init");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).isEqualTo("mine");
    }

    @Test
    void jsonAndQuiet() throws Exception {
        CliRun.Result json = new CliRun(dir).run("--format", "json", "init");
        assertThat(new ObjectMapper().readTree(json.out()).get("changelog").asText())
                .isEqualTo(dir.resolve("changelog.yaml").toString());
        CliRun.Result quiet = new CliRun(dir).run("-q", "-c", "other.yaml", "init");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.all()).isEmpty();
    }
}
