package io.graft.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password, from wherever it comes, never reaches stdout or stderr. */
class SecretsTest {

    private static final String URL_WITH_PASSWORD = "jdbc:postgresql://127.0.0.1:1/x?password=s3cr3t";

    @TempDir
    Path dir;

    @Test
    void passwordInUrlIsNeverPrinted() {
        for (String format : new String[] {"text", "json"}) {
            CliRun.Result r = new CliRun(dir).run("--url", URL_WITH_PASSWORD, "--format", format, "-v", "status");
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.all()).doesNotContain("s3cr3t").isNotEmpty();
        }
    }

    @Test
    void passwordFromTheCommandLineIsMaskedInErrors() {
        // The table prefix error quotes its value, which is here the password.
        CliRun.Result r = new CliRun(dir).run("--password", "hunter-2", "--table-prefix", "hunter-2", "heads");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("tablePrefix '***'");
        assertThat(r.all()).doesNotContain("hunter-2");
    }

    @Test
    void passwordIsMaskedInParseErrorsToo() {
        CliRun.Result r = new CliRun(dir).run("--password=s3cr3t", "--lock-timeout", "s3cr3t", "up");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--lock-timeout': '***'");
        assertThat(r.all()).doesNotContain("s3cr3t");
    }

    @Test
    void passwordFromTheEnvironmentIsMasked() {
        CliRun.Result r = new CliRun(dir).env("GRAFT_PASSWORD", "envs3cr3t")
                .run("--table-prefix", "envs3cr3t!", "--format", "json", "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).contains("'***!'");
        assertThat(r.all()).doesNotContain("envs3cr3t");
    }

    @Test
    void passwordFromGraftYamlIsMasked() throws IOException {
        Files.writeString(dir.resolve("graft.yaml"), """
                environments:
                  prod:
                    url: jdbc:postgresql://127.0.0.1:1/x
                    password: "${PROD_PW}"
                    table_prefix: "yaml-pw-${PROD_PW}"
                """);
        CliRun.Result r = new CliRun(dir).env("PROD_PW", "y4mlpw").run("--env", "prod", "-v", "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("yaml-pw-***");
        assertThat(r.all()).doesNotContain("y4mlpw");
    }

    @Test
    void helpIsNotMangledByTheRedactor() {
        CliRun.Result r = new CliRun(dir).run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--password=PASSWORD");
    }
}
