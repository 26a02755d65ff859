package io.graft.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.MigrationException;
import io.graft.Target;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A target whose connection goes away during its run (a server restarted, its session
 * terminated) is reported {@code connection_lost}, not {@code revision_failed}: the revision's SQL
 * is not at fault, and running the command again is the remedy. Found by the fleet under faults
 * ({@code benchmarks/fleet-chaos.sh}), where a PostgreSQL restart showed up as revision failures.
 * Here the revision ends its own session, as a restart would; SQLite has no session to lose, so
 * there (as everywhere) a statement that fails on its own stays {@code revision_failed}.
 */
class ConnectionLostTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"POSTGRESQL", "MYSQL"})
    void aSessionEndedDuringARevisionIsConnectionLost(DialectId dialect) {
        String endOwnSession = dialect == DialectId.POSTGRESQL ? "SELECT pg_terminate_backend(pg_backend_pid());\n"
                : "KILL CONNECTION_ID();\n";
        TargetResult r = upOnFreshDatabase(dialect, endOwnSession);
        assertThat(r.outcome()).isEqualTo(TargetResult.Outcome.FAILED);
        assertThat(r.fault()).as("%s", r.error()).contains("connection_lost");
        assertThat(r.failedRevision()).contains("0002_cut");
        assertThat(r.after()).containsExactly("0001_accounts");
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aStatementThatFailsOnItsOwnStaysRevisionFailed(DialectId dialect) {
        TargetResult r = upOnFreshDatabase(dialect, "CREATE TABLE accounts (id INTEGER);\n");
        assertThat(r.fault()).as("%s", r.error()).contains("revision_failed");
        assertThat(r.failedRevision()).contains("0002_cut");
    }

    @Test
    void connectionStatesAnywhereAmongTheCausesCount() {
        assertThat(lost(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(lost(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(lost(new SQLException("Connection was killed", "70100", 1927))).isTrue();
        assertThat(lost(new java.sql.SQLNonTransientConnectionException("Socket error"))).isTrue();
        assertThat(lost(new SQLException("Connection is closed"))).as("HikariCP's closed proxy").isTrue();
        assertThat(lost(new SQLException("relation \"a\" already exists", "42P07"))).isFalse();
        assertThat(lost(new SQLException("canceling statement due to user request", "57014"))).isFalse();
        assertThat(TargetResult.connectionLost(new MigrationException("failed", "r1", "57P01", null))).isTrue();
    }

    private static boolean lost(SQLException cause) {
        return TargetResult.connectionLost(new MigrationException("revision 'r1' failed", "r1", null,
                new IllegalStateException("wrapped", cause)));
    }

    private TargetResult upOnFreshDatabase(DialectId dialect, String secondRevision) {
        Path changelog = ChangelogFixture.in(dir.resolve("project"))
                .revision("0001_accounts", List.of(), "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE accounts;\n")
                .revision("0002_cut", List.of("0001_accounts"), secondRevision, "SELECT 1;\n")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            FleetResult result = Fleet.builder().changelog(changelog)
                    .targets(List.of(FleetTarget.of("tenant", db.url())))
                    .credentials(db.user(), db.password())
                    .continueOnError()
                    .build()
                    .upgrade(Target.HEADS);
            return result.results().get(0);
        }
    }
}
