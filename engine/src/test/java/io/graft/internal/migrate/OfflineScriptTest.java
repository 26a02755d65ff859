package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.changelog.DialectId;
import io.graft.testing.Clients;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code up --sql} and {@code down --sql}: the script, piped into the database's own client,
 * leaves the same schema and history rows as a live run.
 */
class OfflineScriptTest {

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("blog", DialectId.POSTGRESQL),
                Arguments.of("blog", DialectId.SQLITE),
                Arguments.of("blog", DialectId.MYSQL),
                Arguments.of("branches", DialectId.POSTGRESQL),
                Arguments.of("branches", DialectId.SQLITE),
                Arguments.of("branches", DialectId.MYSQL),
                Arguments.of("dialects", DialectId.POSTGRESQL),
                Arguments.of("dialects", DialectId.SQLITE));
    }

    private static Graft graft(String sample, TestDatabase db) {
        Path changelog = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."), "samples", sample, "changelog.yaml");
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void theScriptDoesWhatALiveRunDoes(String sample, DialectId dialect) {
        try (TestDatabase live = TestDatabase.create(dialect); TestDatabase offline = TestDatabase.create(dialect);
                Graft liveGraft = graft(sample, live); Graft offlineGraft = graft(sample, offline)) {
            liveGraft.upgrade();
            String up = offlineGraft.upgradeSql((String) null, "base");
            assertThat(offline.tables()).as("--from needs no connection and changes nothing").isEmpty();
            Clients.run(offline, up);

            // A script records no schema (graft_schema): reading the model needs the live database.
            assertThat(offline.tables()).isEqualTo(live.tables().stream().filter(t -> !t.equals("graft_schema"))
                    .collect(java.util.stream.Collectors.toSet()));
            assertThat(history(offline)).isEqualTo(history(live));
            assertThat(logCount(offline)).isEqualTo(logCount(live));
            assertThat(offlineGraft.status().drift()).isEmpty();
            assertThat(offlineGraft.upgradeSql((String) null, null)).contains("Nothing to do.");

            // Down reads the database's state when no --from is given.
            String down = offlineGraft.downgradeSql("base", null);
            liveGraft.downgrade("base");
            Clients.run(offline, down);
            assertThat(offline.userTables()).isEmpty();
            assertThat(history(offline)).isEqualTo(history(live)).isEmpty();
        }
    }

    private static List<Map<String, Object>> history(TestDatabase db) {
        return db.query("SELECT id, parents, checksum, state, direction, statements_done, statements_total,"
                + " applied_seq, description FROM graft_revisions ORDER BY applied_seq");
    }

    private static Object logCount(TestDatabase db) {
        return ((Number) db.query("SELECT COUNT(*) AS n FROM graft_log").get(0).get("n")).intValue();
    }
}
