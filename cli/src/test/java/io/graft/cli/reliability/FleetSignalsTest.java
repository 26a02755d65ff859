package io.graft.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.changelog.DialectId;
import io.graft.fleet.TargetSources;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a fleet run, in a real process: the first stops the launching and lets the running
 * targets finish; a second cancels them (their revision rolls back); the report says so, exit 130.
 */
class FleetSignalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheLaunchingAndASecondOneCancelsTheRunningTargets() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_slow", List.of(), "CREATE TABLE t (n INTEGER);\nSELECT pg_sleep(3);\n", null)
                    .save();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                urls.add(TargetSources.tenant(db.url(), "tenant_" + i).url());
            }
            Files.write(dir.resolve("tenants.txt"), urls);

            // One Ctrl-C: the two running targets finish, the four others never start.
            Graftc.Proc once = spawn(db, changelog);
            once.awaitWhileRunning("two targets to be running", 60, () -> running(db) >= 2);
            SignalsTest.signal(once, "INT");
            Graftc.Result r = once.await(120);
            assertThat(r.exitCode()).as("%s", r).isEqualTo(130);
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.at("/summary/succeeded").asInt()).isEqualTo(2);
            assertThat(doc.at("/summary/skipped").asInt()).isEqualTo(4);
            assertThat(doc.at("/summary/stopped").asBoolean()).isTrue();
            assertThat(r.err()).contains("no further target starts; the running ones finish");

            // Again, and two Ctrl-C: the two targets done before are up to date; the two running next are
            // cancelled and roll back; nothing else starts.
            Graftc.Proc twice = spawn(db, changelog);
            twice.awaitWhileRunning("two targets to be running", 60, () -> running(db) >= 2);
            SignalsTest.signal(twice, "INT");
            Graftc.sleep(300);
            SignalsTest.signal(twice, "INT");
            Graftc.Result r2 = twice.await(120);
            assertThat(r2.exitCode()).as("%s", r2).isEqualTo(130);
            JsonNode doc2 = JSON.readTree(r2.out());
            assertThat(doc2.at("/summary/interrupted").asInt()).isEqualTo(2);
            assertThat(doc2.at("/summary/succeeded").asInt()).isEqualTo(2);
            assertThat(doc2.at("/summary/skipped").asInt()).isEqualTo(2);
            for (JsonNode t : doc2.get("targets")) {
                if (t.get("outcome").asText().equals("interrupted")) {
                    assertThat(t.at("/error/fault").asText()).isEqualTo("interrupted");
                    assertThat(db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '"
                            + t.get("name").asText() + "' AND table_name = 't'").get(0).get("n"))
                            .as("rolled back").isEqualTo(0L);
                }
            }
        }
    }

    /** Sessions of the test database running pg_sleep: targets in the middle of their revision. */
    private static long running(TestDatabase db) {
        return ((Number) db.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                + " AND query LIKE 'SELECT pg_sleep%' AND state = 'active'").get(0).get("n")).longValue();
    }

    private Graftc.Proc spawn(TestDatabase db, Path changelog) {
        return Graftc.spawn(dir, null, Map.of(), List.of("--user", db.user(), "-c", changelog.toString(), "--format",
                "json", "up", "--targets", "tenants.txt", "--parallel", "2"));
    }
}
