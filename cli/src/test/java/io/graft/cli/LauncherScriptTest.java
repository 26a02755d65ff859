package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./graft} launcher at the root, on its first run: it says what it builds, how long
 * that may take and where the log is, and after a failed build the log's end and its place.
 * The script runs in a copy of the repository's layout whose {@code mvnw} and {@code java} are
 * stand-ins, so that no real build runs here.
 */
class LauncherScriptTest {

    @TempDir
    Path root;

    @BeforeEach
    void layout() throws IOException {
        Path script = Path.of("..", "graft").toAbsolutePath().normalize();
        assertThat(script).as("the launcher at the repository's root").exists();
        Files.copy(script, root.resolve("graft"));
        executable(root.resolve("graft"));
        Files.createDirectories(root.resolve("cli/src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(root.resolve("jdk/bin"));
        Files.writeString(root.resolve("jdk/bin/java"), "#!/usr/bin/env bash\necho \"java ran: ${*: -1}\"\n");
        executable(root.resolve("jdk/bin/java"));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void mvnw(String body) throws IOException {
        Files.writeString(root.resolve("mvnw"), "#!/usr/bin/env bash\n" + body);
        executable(root.resolve("mvnw"));
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run graft(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("graft").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        builder.environment().put("GRAFT_CDS", "0");
        Path out = root.resolve("stdout.txt");
        Path err = root.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theFirstRunSaysWhatItBuildsHowLongItTakesAndWhereTheLogIs() throws Exception {
        mvnw("echo \"maven: $*\"\nmkdir -p cli/target && echo jar > cli/target/graft.jar\n");
        Path log = root.resolve("cli/target/graft-build.log");

        Run first = graft("status");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).startsWith("graft: building cli/target/graft.jar from source (first run) with Maven; "
                + "this takes about a minute, several when Maven first downloads\n"
                + "graft: its dependencies. Log: " + log + "\n");
        assertThat(first.err()).containsPattern("graft: built in \\d+ s\n$");
        assertThat(first.out()).isEqualTo("java ran: status\n");
        assertThat(Files.readString(log)).contains("maven: -B -DskipTests -pl cli -am package");

        Run second = graft("status");
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).isEqualTo("java ran: status\n");

        Thread.sleep(1100);
        Files.writeString(root.resolve("cli/src/main/New.java"), "class New {}\n");
        Run changed = graft("up");
        assertThat(changed.err()).startsWith("graft: rebuilding cli/target/graft.jar (the sources changed) with Maven;");
        assertThat(changed.out()).isEqualTo("java ran: up\n");
    }

    @Test
    void aFailedBuildShowsTheEndOfItsLogAndWhereTheWholeOneIs() throws Exception {
        mvnw("for i in $(seq 1 100); do echo \"line $i\"; done\necho '[ERROR] COMPILATION ERROR'\nexit 1\n");
        Path log = root.resolve("cli/target/graft-build.log");

        Run run = graft("up");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Log: " + log + "\n")
                .contains("line 100\n[ERROR] COMPILATION ERROR\n")
                .doesNotContain("line 50\n")
                .containsPattern("graft: build failed after \\d+ s; the whole log is " + log + "\n$");
        assertThat(Files.readString(log)).contains("line 1\n").contains("[ERROR] COMPILATION ERROR");
    }
}
