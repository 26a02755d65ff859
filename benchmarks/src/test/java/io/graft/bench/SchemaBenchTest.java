package io.graft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The schema benchmark runs end to end at 25 tables on the PostgreSQL server of
 * {@code GRAFT_TEST_POSTGRES_URL}. It checks that the schema is created, read and diffed and that
 * figures come out, never how large they are.
 */
class SchemaBenchTest {

    @Test
    void readsAndDiffsASmallSchema() throws Exception {
        String url = System.getenv("GRAFT_TEST_POSTGRES_URL");
        if (url == null) {
            boolean required = System.getenv().getOrDefault("GRAFT_TEST_REQUIRE", "").contains("postgresql");
            assertThat(required).as("GRAFT_TEST_POSTGRES_URL must be set when GRAFT_TEST_REQUIRE names postgresql")
                    .isFalse();
            Assumptions.abort("needs GRAFT_TEST_POSTGRES_URL");
        }
        List<SchemaBench.Row> rows = SchemaBench.rowsOf("--tables", "25", "--reads", "2", "--diffs", "2",
                "--pg-url", url);
        assertThat(rows).extracting(SchemaBench.Row::what).containsExactly(
                "read the model (25 tables, 1 views)", "diff, the first in this JVM (as one `graft diff` run does it)",
                "diff (" + rows.get(2).what().replaceAll("\\D+", "") + " changes)", "diff with itself (0 changes)");
        assertThat(Integer.parseInt(rows.get(2).what().replaceAll("\\D+", ""))).as("changes found").isGreaterThan(4);
        assertThat(rows).allSatisfy(r -> assertThat(r.median()).isPositive());
        assertThat(SchemaBench.table(rows)).startsWith("| measure |").contains("≤ 2.0 s", "≤ 0.2 s");
    }
}
