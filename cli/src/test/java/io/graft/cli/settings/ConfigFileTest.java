package io.graft.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Problem;
import io.graft.cli.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    private ConfigFile load(String yaml) throws IOException {
        Path file = dir.resolve("graft.yaml");
        Files.writeString(file, yaml);
        return ConfigFile.load(file, "graft.yaml");
    }

    private static String firstProblem(Throwable e) {
        return ((UsageException) e).problems().stream().map(Problem::render).findFirst().orElseThrow();
    }

    @Test
    void environmentOverTopLevel() throws IOException {
        ConfigFile config = load("""
                changelog: db/changelog.yaml
                user: everyone
                environments:
                  dev:  { url: jdbc:sqlite:dev.db }
                  prod: { url: "jdbc:postgresql://db/app", user: app }
                """);
        assertThat(config.settings("prod", name -> null)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "changelog", "db/changelog.yaml", "user", "app", "url", "jdbc:postgresql://db/app"));
        assertThat(config.settings("dev", name -> null)).containsEntry("user", "everyone");
        assertThat(config.settings(null, name -> null)).doesNotContainKey("url");
        assertThat(config.environmentNames()).containsExactly("dev", "prod");
    }

    @Test
    void interpolatesVariablesWithDefaultsAndEscapes() throws IOException {
        ConfigFile config = load("""
                environments:
                  prod:
                    url: "jdbc:postgresql://${DB_HOST:-localhost}:${DB_PORT:-5432}/app"
                    password: "${PROD_DB_PASSWORD}"
                    user: "literal$${NOT_A_VAR}"
                """);
        Map<String, String> vars = Map.of("PROD_DB_PASSWORD", "pw", "DB_HOST", "db.internal");
        Map<String, String> s = config.settings("prod", vars::get);
        assertThat(s.get("url")).isEqualTo("jdbc:postgresql://db.internal:5432/app");
        assertThat(s.get("password")).isEqualTo("pw");
        assertThat(s.get("user")).isEqualTo("literal${NOT_A_VAR}");
    }

    @Test
    void unsetVariableNamesFileLineAndVariable() throws IOException {
        ConfigFile config = load("""
                environments:
                  dev:  { url: jdbc:sqlite:dev.db }
                  prod:
                    url: jdbc:postgresql://db/app
                    password: "${PROD_DB_PASSWORD}"
                """);
        // Another environment's variables are not needed.
        assertThat(config.settings("dev", name -> null)).containsEntry("url", "jdbc:sqlite:dev.db");
        assertThatThrownBy(() -> config.settings("prod", name -> null))
                .isInstanceOf(UsageException.class)
                .satisfies(e -> assertThat(firstProblem(e))
                        .startsWith("graft.yaml:5:15: environment variable PROD_DB_PASSWORD is not set")
                        .contains("hint: set PROD_DB_PASSWORD, or write ${PROD_DB_PASSWORD:-default}"));
    }

    @Test
    void aVariableSetToAnEmptyStringIsEmptyAndItsDefaultIsForUnsetOrEmpty() throws IOException {
        ConfigFile config = load("""
                password: "${PW}"
                user: "${DB_USER:-app}"
                """);
        Map<String, String> s = config.settings(null, Map.of("PW", "", "DB_USER", "")::get);
        assertThat(s.get("password")).isEmpty();
        assertThat(s.get("user")).isEqualTo("app");
    }

    @Test
    void unknownKeysAreErrorsWithPositionAndSuggestion() throws IOException {
        assertThatThrownBy(() -> load("""
                default_env: dev
                environments:
                  dev:
                    url: jdbc:sqlite:dev.db
                    pasword: x
                lock_timout: 5
                """))
                .isInstanceOfSatisfying(UsageException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0).render())
                            .isEqualTo("graft.yaml:5:5: unknown key 'pasword'\n  hint: did you mean 'password'?");
                    assertThat(e.problems().get(1).render())
                            .startsWith("graft.yaml:6:1: unknown key 'lock_timout'");
                });
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() throws IOException {
        ConfigFile config = load("""
                default_env: staging
                environments:
                  dev:  { url: jdbc:sqlite:dev.db }
                  prod: { url: jdbc:sqlite:prod.db }
                """);
        assertThatThrownBy(() -> config.settings("qa", name -> null))
                .satisfies(e -> assertThat(firstProblem(e)).contains("no environment 'qa'")
                        .contains("use one of: dev, prod"));
        assertThatThrownBy(() -> config.settings(null, name -> null))
                .satisfies(e -> assertThat(firstProblem(e)).startsWith("graft.yaml:1:14: no environment 'staging'"));
    }

    @Test
    void shapeErrorsAndBrokenYamlHavePositions() throws IOException {
        assertThatThrownBy(() -> load("environments:\n  dev: jdbc:sqlite:x.db\n"))
                .satisfies(e -> assertThat(firstProblem(e))
                        .isEqualTo("graft.yaml:2:8: environment 'dev' must be a mapping of keys to values"));
        assertThatThrownBy(() -> load("url: [a, b]\n"))
                .satisfies(e -> assertThat(firstProblem(e)).isEqualTo("graft.yaml:1:6: 'url' must be a single value"));
        assertThatThrownBy(() -> load("url: \"unclosed\n"))
                .satisfies(e -> assertThat(firstProblem(e)).startsWith("graft.yaml:").contains("invalid YAML"));
        assertThatThrownBy(() -> load("url: a\nurl: b\n"))
                .satisfies(e -> assertThat(firstProblem(e)).isEqualTo(
                        "graft.yaml:2:1: duplicate key 'url'\n  hint: it is already set at line 1; keep one"));
    }

    @Test
    void emptyFileIsNoConfiguration() throws IOException {
        assertThat(load("# nothing yet\n").settings(null, name -> null)).isEmpty();
    }

    @Test
    void autogenerateSection() throws IOException {
        AuthoringConfig a = load("""
                autogenerate:
                  to: db/schema.sql
                  dev_url: postgresql://${DEV_HOST:-localhost}/postgres
                """).authoring();
        assertThat(a.autogenerateTo(dir, name -> null)).isEqualTo(dir.resolve("db/schema.sql").toString());
        assertThat(a.autogenerateDevUrl(name -> null)).isEqualTo("postgresql://localhost/postgres");
        assertThat(load("autogenerate: {to: 'postgresql://db/app'}\n").authoring().autogenerateTo(dir, n -> null))
                .as("a URL is not a path").isEqualTo("postgresql://db/app");
        assertThat(load("url: jdbc:sqlite:x.db\n").authoring().autogenerateTo(dir, n -> null)).isNull();
        assertThatThrownBy(() -> load("autogenerate:\n  too: schema.sql\n"))
                .satisfies(e -> assertThat(firstProblem(e)).isEqualTo(
                        "graft.yaml:2:3: unknown key 'too'\n  hint: did you mean 'to'?"));
    }
}
