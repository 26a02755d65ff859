package io.graft.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.cli.CliRun;
import io.graft.cli.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsPrecedenceTest {

    @TempDir
    Path dir;

    private CliRun cli() {
        return new CliRun(dir);
    }

    private void config(String yaml) throws IOException {
        Files.writeString(dir.resolve("graft.yaml"), yaml);
    }

    @Test
    void builtInDefaults() {
        Settings s = cli().settings("status");
        assertThat(s.changelog()).isEqualTo(dir.resolve("changelog.yaml"));
        assertThat(s.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("graft.db"));
        assertThat(s.user()).isNull();
        assertThat(s.password()).isNull();
        assertThat(s.tablePrefix()).isEqualTo("graft_");
        assertThat(s.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.environment()).isNull();
        assertThat(s.configFile()).isNull();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        assertThat(cli().settings("--url", "jdbc:postgresql://a/b", "up").url()).isEqualTo("jdbc:postgresql://a/b");
        assertThat(cli().settings("up", "--url", "jdbc:postgresql://a/b").url()).isEqualTo("jdbc:postgresql://a/b");
        assertThat(cli().options("status", "-q", "--format", "json").json()).isTrue();
        assertThat(cli().options("-v", "history").verbose()).isTrue();
    }

    @Test
    void environmentVariablesFillEveryGlobalOption() {
        CliRun run = cli().env("GRAFT_URL", "jdbc:postgresql://env/db").env("GRAFT_USER", "envuser")
                .env("GRAFT_PASSWORD", "envpw").env("GRAFT_SCHEMA", "app").env("GRAFT_TABLE_PREFIX", "gx_")
                .env("GRAFT_LOCK_TIMEOUT", "2m").env("GRAFT_CHANGELOG", "db/changelog.yaml");
        Settings s = run.settings("status");
        assertThat(s.url()).isEqualTo("jdbc:postgresql://env/db");
        assertThat(s.user()).isEqualTo("envuser");
        assertThat(s.password()).isEqualTo("envpw");
        assertThat(s.schema()).isEqualTo("app");
        assertThat(s.tablePrefix()).isEqualTo("gx_");
        assertThat(s.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.changelog()).isEqualTo(dir.resolve("db/changelog.yaml"));

        GlobalOptions o = cli().env("GRAFT_FORMAT", "json").env("GRAFT_QUIET", "1").env("GRAFT_NO_COLOR", "true")
                .env("GRAFT_VERBOSE", "no").options("status");
        assertThat(o.json()).isTrue();
        assertThat(o.quiet()).isTrue();
        assertThat(o.noColor()).isTrue();
        assertThat(o.verbose()).isFalse();
    }

    @Test
    void commandLineBeatsEnvironment() {
        CliRun run = cli().env("GRAFT_URL", "jdbc:postgresql://env/db").env("GRAFT_LOCK_TIMEOUT", "5");
        assertThat(run.settings("--url", "jdbc:postgresql://cli/db", "up").url()).isEqualTo("jdbc:postgresql://cli/db");
        assertThat(run.settings("up", "--lock-timeout", "90s").lockTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(run.settings("up").lockTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void environmentBeatsGraftYamlWhichBeatsDefaults() throws IOException {
        config("""
                default_env: dev
                table_prefix: top_
                environments:
                  dev:
                    url: jdbc:postgresql://yaml/dev
                    user: yamluser
                    lock_timeout: 120
                """);
        Settings fromYaml = cli().settings("status");
        assertThat(fromYaml.url()).isEqualTo("jdbc:postgresql://yaml/dev");
        assertThat(fromYaml.user()).isEqualTo("yamluser");
        assertThat(fromYaml.tablePrefix()).isEqualTo("top_");
        assertThat(fromYaml.lockTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(fromYaml.environment()).isEqualTo("dev");
        assertThat(fromYaml.configFile()).isEqualTo(dir.resolve("graft.yaml"));

        Settings envWins = cli().env("GRAFT_URL", "jdbc:postgresql://env/db").settings("status");
        assertThat(envWins.url()).isEqualTo("jdbc:postgresql://env/db");
        assertThat(envWins.user()).isEqualTo("yamluser");

        Settings cliWins = cli().env("GRAFT_URL", "jdbc:postgresql://env/db")
                .settings("status", "--url", "jdbc:postgresql://cli/db", "--user", "cliuser");
        assertThat(cliWins.url()).isEqualTo("jdbc:postgresql://cli/db");
        assertThat(cliWins.user()).isEqualTo("cliuser");
    }

    @Test
    void envOptionAndVariableChooseTheEnvironment() throws IOException {
        config("""
                default_env: dev
                environments:
                  dev:  { url: jdbc:postgresql://h/dev }
                  prod: { url: "jdbc:postgresql://h/prod", user: app, schema: public }
                """);
        assertThat(cli().settings("--env", "prod", "status").url()).isEqualTo("jdbc:postgresql://h/prod");
        assertThat(cli().env("GRAFT_ENV", "prod").settings("status").schema()).isEqualTo("public");
        assertThat(cli().env("GRAFT_ENV", "prod").settings("status", "--env", "dev").url())
                .isEqualTo("jdbc:postgresql://h/dev");
    }

    @Test
    void pathsInGraftYamlAreRelativeToItsFolder() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("prod.yaml"), """
                changelog: ../db/changelog.yaml
                url: jdbc:sqlite:data/app.db
                """);
        Settings s = cli().settings("--config", "conf/prod.yaml", "status");
        assertThat(s.changelog()).isEqualTo(dir.resolve("db/changelog.yaml"));
        assertThat(s.url()).isEqualTo("jdbc:sqlite:" + conf.resolve("data/app.db"));
        assertThat(s.configFile()).isEqualTo(conf.resolve("prod.yaml"));
    }

    @Test
    void sqliteUrlsOtherThanRelativeFilesAreLeftAlone() {
        // Was a test of SettingsResolver.absoluteSqlite; the engine's DatabaseUrl.relativeTo does it now.
        assertThat(cli().settings("--url", "jdbc:sqlite::memory:", "status").url()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(cli().settings("--url", "jdbc:sqlite:file:x.db?mode=memory", "status").url())
                .isEqualTo("jdbc:sqlite:file:x.db?mode=memory");
        assertThat(cli().settings("--url", "jdbc:sqlite:a.db?journal_mode=WAL", "status").url())
                .isEqualTo("jdbc:sqlite:" + dir.resolve("a.db") + "?journal_mode=WAL");
        assertThat(cli().settings("--url", "jdbc:postgresql://h/db", "status").url()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void alembicStyleUrlsBecomeJdbcUrlsWithTheirCredentialsApart() throws IOException {
        Settings pg = cli().settings("--url", "postgresql+psycopg2://app:p%40ss@db:5433/shop?sslmode=require", "status");
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://db:5433/shop?sslmode=require");
        assertThat(pg.user()).isEqualTo("app");
        assertThat(pg.password()).isEqualTo("p@ss");
        assertThat(cli().settings("--url", "jdbc:mysql://db:3306/shop", "status").url())
                .isEqualTo("jdbc:mariadb://db:3306/shop");
        assertThat(cli().settings("--url", "sqlite:///data/app.db", "status").url())
                .isEqualTo("jdbc:sqlite:" + dir.resolve("data/app.db"));
        assertThat(cli().settings("--url", "sqlite:////tmp/app.db", "status").url()).isEqualTo("jdbc:sqlite:/tmp/app.db");

        // The URL's own user and password come first, as a JDBC URL's ?user= does; the others fill in.
        Settings both = cli().env("GRAFT_PASSWORD", "from-env")
                .settings("--url", "postgresql://app@db/shop", "--user", "other", "status");
        assertThat(both.user()).isEqualTo("app");
        assertThat(both.password()).isEqualTo("from-env");

        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("graft.yaml"), "url: sqlite:///dev.db\n");
        assertThat(cli().settings("--config", "conf/graft.yaml", "status").url())
                .isEqualTo("jdbc:sqlite:" + conf.resolve("dev.db"));
    }

    @Test
    void anEmptyPasswordVariableIsAnEmptyPassword() throws IOException {
        assertThat(cli().env("GRAFT_PASSWORD", "").settings("status").password()).isEmpty();
        assertThat(cli().settings("status").password()).isNull();
        config("""
                url: jdbc:postgresql://db/app
                password: ${APP_PW}
                user: ${APP_USER:-app}
                """);
        Settings s = cli().env("APP_PW", "").env("APP_USER", "").settings("status");
        assertThat(s.password()).isEmpty();
        assertThat(s.user()).isEqualTo("app");
        // An empty GRAFT_URL still sets nothing.
        assertThat(cli().env("GRAFT_URL", "").env("APP_PW", "pw").settings("status").url())
                .isEqualTo("jdbc:postgresql://db/app");
    }

    @Test
    void aUrlGraftCannotUseIsABadUsage() {
        assertThatThrownBy(() -> cli().settings("--url", "jdbc:oracle:thin:@db:1521:x", "status"))
                .isInstanceOf(io.graft.DatabaseUrlException.class)
                .hasMessageStartingWith("unsupported database URL 'jdbc:oracle:...'");
    }

    @Test
    void envWithoutConfigFileIsAUsageError() {
        assertThatThrownBy(() -> cli().settings("--env", "prod", "status"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--env prod needs a configuration file");
        assertThatThrownBy(() -> cli().settings("--config", "missing.yaml", "status"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("missing.yaml does not exist");
    }

    @Test
    void lockTimeoutFormats() {
        assertThat(DurationConverter.parse("60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(DurationConverter.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> DurationConverter.parse("soon")).hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void invalidLockTimeoutInGraftYamlNamesItsPlace() throws IOException {
        config("""
                environments:
                  dev:
                    lock_timeout: forever
                """);
        assertThatThrownBy(() -> cli().settings("--env", "dev", "status"))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems().get(0).render())
                        .startsWith("graft.yaml:3:19: lock_timeout: 'forever' is not a duration"));
    }
}
