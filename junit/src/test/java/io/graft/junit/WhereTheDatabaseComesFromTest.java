package io.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension's choices and clean-up, seen by running small test classes with the JUnit
 * Platform's test kit under a given environment.
 */
class WhereTheDatabaseComesFromTest {

    static final List<String> SEEN = new ArrayList<>();
    static final String IN_TEST_KIT = "io.graft.junit.WhereTheDatabaseComesFromTest#inTestKit";
    private static volatile boolean inTestKit;

    /** The classes below run only under {@link #run}, not when a build selects every class. */
    static boolean inTestKit() {
        return inTestKit;
    }

    @EnabledIf(IN_TEST_KIT)
    @GraftDatabase
    static class AnyDialect {
        @Test
        void records(DialectId dialect, DataSource ds) throws Exception {
            try (Connection c = ds.getConnection()) {
                SEEN.add(dialect.key() + " " + (dialect == DialectId.SQLITE ? "" : c.getCatalog()));
            }
        }
    }

    @EnabledIf(IN_TEST_KIT)
    @GraftDatabase(dialect = GraftDatabase.Dialect.POSTGRESQL)
    static class NeedsPostgres {
        @Test
        void runs() {
            SEEN.add("ran");
        }
    }

    @EnabledIf(IN_TEST_KIT)
    @GraftDatabase(changelog = "classpath:sqlite-only/changelog.yaml")
    static class DeclaresSqliteOnly {
        @Test
        void records(DialectId dialect) {
            SEEN.add(dialect.key());
        }
    }

    @EnabledIf(IN_TEST_KIT)
    @GraftDatabase(changelog = "classpath:no/such/changelog.yaml", dialect = GraftDatabase.Dialect.SQLITE)
    static class MissingChangelog {
        @Test
        void neverRuns() {
            SEEN.add("ran");
        }
    }

    @Test
    void anyTakesThePostgresServerOfTheEnvironmentAndDropsItsDatabaseAfterwards() throws Exception {
        String server = serverOf(DialectId.POSTGRESQL);
        run(AnyDialect.class, Map.of(Servers.POSTGRES_URL, server)).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN).singleElement().asString().startsWith("postgresql graft_junit_");
        String name = SEEN.get(0).substring("postgresql ".length());
        try (Connection c = DriverManager.getConnection(server);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("database %s dropped after the class", name).isZero();
        }
    }

    @Test
    void anyTakesTheMysqlServerWhenThereIsNoPostgres() {
        String server = serverOf(DialectId.MYSQL);
        run(AnyDialect.class, Map.of(Servers.MYSQL_URL, server)).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN).singleElement().asString().startsWith("mysql graft_junit_");
    }

    @Test
    void anyFallsBackToSqliteWithoutServers() {
        run(AnyDialect.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN).containsExactly("sqlite ");
    }

    @Test
    void anyKeepsToTheDialectsTheChangelogDeclares() {
        String server = System.getenv(Servers.POSTGRES_URL);
        run(DeclaresSqliteOnly.class, server == null ? Map.of() : Map.of(Servers.POSTGRES_URL, server))
                .testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN).containsExactly("sqlite");
    }

    @Test
    void aNamedDialectWithoutAServerSkipsTheClass() {
        EngineExecutionResults results = run(NeedsPostgres.class, Map.of());

        results.containerEvents().assertStatistics(s -> s.aborted(1));
        Event aborted = results.containerEvents().aborted().list().get(0);
        assertThat(aborted.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage())
                .contains("no postgresql server: set GRAFT_TEST_POSTGRES_URL")
                .contains("org.testcontainers:postgresql");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void aNamedDialectThatGraftTestRequireNamesFailsInstead() {
        EngineExecutionResults results = run(NeedsPostgres.class, Map.of(Servers.REQUIRE, "postgresql,mariadb"));

        results.containerEvents().assertStatistics(s -> s.failed(1));
        assertThat(SEEN).isEmpty();
    }

    @Test
    void aMissingChangelogFailsTheClassWithGraftsMessage() {
        EngineExecutionResults results = run(MissingChangelog.class, Map.of());

        results.containerEvents().assertStatistics(s -> s.failed(1));
        Throwable error = results.containerEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(error).hasMessageContaining("classpath:no/such/changelog.yaml")
                .hasMessageContaining("changelog not found on the class path");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void anyPassesOverAServerWhoseDriverTheTestsLack() {
        // No driver on the class path accepts this scheme: as for a project with only sqlite-jdbc.
        run(AnyDialect.class, Map.of(Servers.POSTGRES_URL, "jdbc:nodriver://127.0.0.1:5432/postgres"))
                .testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN).containsExactly("sqlite ");
    }

    @Test
    void aNamedDialectWhoseDriverIsMissingSaysWhichArtifactToAdd() {
        EngineExecutionResults results = run(NeedsPostgres.class,
                Map.of(Servers.POSTGRES_URL, "jdbc:nodriver://127.0.0.1:5432/postgres"));

        results.containerEvents().assertStatistics(s -> s.failed(1));
        Throwable error = results.containerEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(error).hasMessageContaining("no JDBC driver for postgresql (GRAFT_TEST_POSTGRES_URL)")
                .hasMessageContaining("add org.postgresql:postgresql to the test dependencies");
        assertThat(SEEN).isEmpty();
    }

    /** The server URL of the real environment; without it the test is skipped, or fails where GRAFT_TEST_REQUIRE names the dialect. */
    private static String serverOf(DialectId dialect) {
        String url = System.getenv(Servers.variable(dialect));
        if (url != null && !url.isBlank()) {
            return url;
        }
        String why = "needs " + Servers.variable(dialect);
        if (new Servers(System::getenv).required(dialect)) {
            throw new AssertionError(why + " (" + Servers.REQUIRE + " names " + dialect.key() + ")");
        }
        throw new org.opentest4j.TestAbortedException(why);
    }

    /** Runs one class with the extension reading {@code env} instead of the process environment. */
    private static EngineExecutionResults run(Class<?> testClass, Map<String, String> env) {
        SEEN.clear();
        UnaryOperator<String> before = Servers.environment;
        Servers.environment = env::get;
        inTestKit = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
        } finally {
            inTestKit = false;
            Servers.environment = before;
        }
    }
}
