package io.graft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's acceptance check at CI size ({@link FleetChaos} {@code --quick --no-restarts}): 42
 * targets on SQLite, the PostgreSQL of {@code GRAFT_TEST_POSTGRES_URL} and the MariaDB of
 * {@code GRAFT_TEST_MYSQL_URL}; the fleet process killed with SIGKILL mid-run, a tenant per engine
 * locked with Graft's own lock, a failing revision; resumed with the same command; every target's
 * history read directly. No server is restarted here (CI runs other tests against them): the
 * restarts are in the full run, {@code benchmarks/fleet-chaos.sh}.
 */
class FleetChaosTest {

    @Test
    void aFleetKilledLockedAndFailingEndsAtHeadWithEachRevisionAppliedOnce(@TempDir Path work) throws Exception {
        String pg = url("GRAFT_TEST_POSTGRES_URL", "postgresql");
        String mysql = url("GRAFT_TEST_MYSQL_URL", "mysql");
        FleetChaos.Result result = FleetChaos.resultOf("--quick", "--no-restarts", "--pg-url", pg, "--mysql-url",
                mysql, "--work", work.resolve("chaos").toString());
        assertThat(result.checks()).as(result.summary())
                .allSatisfy(c -> assertThat(c.passed()).as(c.what()).isTrue());
        assertThat(result.checks()).extracting(FleetChaos.Check::what).contains(
                "run 2 picks up exactly the rest of the killed run 1",
                "run 2 reports no failure that no fault explains (no stray exception)");
        assertThat(result.runs().get(0).exitCode()).isEqualTo(137);
        assertThat(result.runs().get(result.runs().size() - 1).exitCode()).isZero();
    }

    private static String url(String variable, String engine) {
        String url = System.getenv(variable);
        if (url == null) {
            boolean required = System.getenv().getOrDefault("GRAFT_TEST_REQUIRE", "").contains(engine);
            assertThat(required).as(variable + " must be set when GRAFT_TEST_REQUIRE names " + engine).isFalse();
            Assumptions.abort("needs " + variable);
        }
        return url;
    }
}
