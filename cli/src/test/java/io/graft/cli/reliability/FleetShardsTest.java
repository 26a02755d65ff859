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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard I/N} across processes: N {@code graft up --targets} JVMs over one list of
 * PostgreSQL schemas migrate every target exactly once, with no coordinator; one of them is
 * killed mid-run and started again (twice at once, even), and still no revision runs twice. Each
 * revision writes a row to an audit table in the same transaction, so a revision applied twice
 * would leave two rows.
 */
class FleetShardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHARDS = 3;

    @TempDir
    Path dir;

    @Test
    void nProcessesMigrateEveryTargetOnceAlsoWhenOneIsKilledAndRestarted() throws Exception {
        int tenants = "full".equals(System.getProperty("graft.fleet.size")) ? 60 : 18;
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL)) {
            db.execute("CREATE TABLE public.fleet_audit (tenant VARCHAR(63), revision VARCHAR(20))");
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_accounts", List.of(), "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n"
                            + "INSERT INTO public.fleet_audit VALUES (current_schema(), '0001');\n", null)
                    .revision("0002_slow", List.of("0001_accounts"), "SELECT pg_sleep(0.3);\n"
                            + "INSERT INTO public.fleet_audit VALUES (current_schema(), '0002');\n", null)
                    .save();
            StringBuilder lines = new StringBuilder();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                String name = String.format("tenant_%02d", i);
                names.add(name);
                lines.append(TargetSources.tenant(db.url(), name).url()).append('\n');
            }
            Files.writeString(dir.resolve("tenants.txt"), lines.toString());

            List<Graftc.Proc> procs = new ArrayList<>();
            for (int s = 0; s < SHARDS; s++) {
                procs.add(spawn(db, changelog, s));
            }
            // Kill shard 0 once it has applied something (its targets are all in the audit table under their names).
            Set<String> shard0 = new HashSet<>();
            for (String n : names) {
                if (io.graft.fleet.Shard.shardOf(n, SHARDS) == 0) {
                    shard0.add(n);
                }
            }
            assertThat(shard0).isNotEmpty();
            procs.get(0).awaitWhileRunning("shard 0 to apply a revision", 120, () -> db.query(
                    "SELECT tenant FROM public.fleet_audit WHERE revision = '0002'").stream()
                    .anyMatch(r -> shard0.contains((String) r.get("tenant"))));
            procs.get(0).kill();

            Set<String> migrated = new HashSet<>();
            for (int s = 1; s < SHARDS; s++) {
                Graftc.Result r = procs.get(s).await(300);
                assertThat(r.exitCode()).as("%s", r).isZero();
                for (JsonNode t : JSON.readTree(r.out()).get("targets")) {
                    assertThat(io.graft.fleet.Shard.shardOf(t.get("name").asText(), SHARDS)).isEqualTo(s);
                    assertThat(migrated.add(t.get("name").asText())).as("in one shard only").isTrue();
                }
            }
            // Shard 0 again, twice at once: the per-target locks keep them from applying anything twice.
            Graftc.Proc again = spawn(db, changelog, 0);
            Graftc.Proc twin = spawn(db, changelog, 0);
            Graftc.Result first = again.await(300);
            Graftc.Result second = twin.await(300);
            assertThat(first.exitCode()).as("%s", first).isZero();
            assertThat(second.exitCode()).as("%s", second).isZero();
            JsonNode resumed = JSON.readTree(first.out());
            for (JsonNode t : resumed.get("targets")) {
                assertThat(shard0).contains(t.get("name").asText());
                migrated.add(t.get("name").asText());
            }
            long appliedByTwins = resumed.at("/summary/revisions_applied").asLong()
                    + JSON.readTree(second.out()).at("/summary/revisions_applied").asLong();
            long auditRows = db.query("SELECT count(*) AS n FROM public.fleet_audit").stream()
                    .mapToLong(r -> ((Number) r.get("n")).longValue()).sum();
            assertThat(migrated).containsExactlyInAnyOrderElementsOf(names);

            List<Map<String, Object>> audit = db.query(
                    "SELECT tenant, revision, count(*) AS n FROM public.fleet_audit GROUP BY tenant, revision");
            assertThat(audit).hasSize(2 * tenants);
            assertThat(audit).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue())
                    .as("%s applied once", row).isEqualTo(1L));
            assertThat(auditRows).isEqualTo(2L * tenants);
            assertThat(appliedByTwins).as("the restarted shard applied only what the killed run had not")
                    .isLessThan(2L * shard0.size());
            for (String n : names) {
                assertThat(db.query("SELECT id FROM " + n + ".graft_revisions ORDER BY applied_seq"))
                        .extracting(r -> r.get("id")).containsExactly("0001_accounts", "0002_slow");
            }
        }
    }

    private Graftc.Proc spawn(TestDatabase db, Path changelog, int shard) {
        List<String> args = new ArrayList<>(List.of("--user", db.user(), "-c", changelog.toString(), "--format", "json",
                "up", "--targets", "tenants.txt", "--shard", shard + "/" + SHARDS, "--parallel", "2",
                "--continue-on-error"));
        return Graftc.spawn(dir, null, Map.of(), args);
    }
}
