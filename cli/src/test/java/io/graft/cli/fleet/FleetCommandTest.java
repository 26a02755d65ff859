package io.graft.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.changelog.DialectId;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.JsonOutputSchemaTest;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up|down|status|check --targets ...} as a user runs them: graft.yaml targets, files, globs, the report and the exit code. */
class FleetCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void project() {
        ChangelogFixture.in(dir)
                .revision("0001_accounts", List.of(), "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100));\n",
                        "DROP TABLE accounts;\n")
                .revision("0002_orders", List.of("0001_accounts"), "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE orders;\n")
                .save();
        cli = new CliRun(dir);
    }

    private void sqliteFiles(String folder, int n) throws IOException {
        Files.createDirectories(dir.resolve(folder));
        for (int i = 0; i < n; i++) {
            // An empty file is an empty SQLite database.
            Files.writeString(dir.resolve(folder).resolve(String.format("t%02d.db", i)), "");
        }
    }

    @Test
    void anEnvironmentsGlobIsMigratedWithOneLinePerTargetAndResumed() throws IOException {
        sqliteFiles("tenants", 5);
        Files.writeString(dir.resolve("graft.yaml"), """
                environments:
                  tenants:
                    targets: tenants/*.db
                    parallel: 2
                    waves: [1, rest]
                """);
        CliRun.Result up = cli.run("up", "--targets", "tenants");
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).contains("graft up on 5 targets, 2 at a time, in 2 waves of 1, 4")
                .contains("wave 1 of 2: 1 target")
                .contains("ok         t00  2 applied: <base> -> 0002_orders")
                .contains("TARGET  RESULT  BEFORE  AFTER        APPLIED  TIME")
                .contains("5 targets: 5 succeeded, 0 failed; 10 revisions applied in");
        assertThat(up.out().lines().filter(l -> l.startsWith("  ok ")).count()).isEqualTo(5);

        CliRun.Result again = cli.run("up", "--targets", "tenants");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to do (at 0002_orders)").contains("0 revisions applied");

        CliRun.Result status = cli.run("--format", "json", "status", "--targets", "tenants", "--only", "t0[0-1]*,t03");
        JsonOutputSchemaTest.assertValid("status", status.out());
        JsonNode doc = JSON.readTree(status.out());
        assertThat(doc.get("targets")).hasSize(1);
        assertThat(doc.at("/targets/0/name").asText()).isEqualTo("t03");
        assertThat(doc.at("/targets/0/after/0").asText()).isEqualTo("0002_orders");

        CliRun.Result down = cli.run("--format", "json", "down", "base", "--targets", "tenants", "--exclude", "t00");
        JsonOutputSchemaTest.assertValid("down", down.out());
        assertThat(JSON.readTree(down.out()).at("/summary/revisions_applied").asInt()).isEqualTo(8);
        CliRun.Result check = cli.run("--format", "json", "check", "--targets", "tenants/*.db");
        JsonOutputSchemaTest.assertValid("check", check.out());
        assertThat(check.exitCode()).isZero();
        assertThat(JSON.readTree(check.out()).at("/targets/1/pending")).hasSize(2);
    }

    @Test
    void driftOnEveryTargetNamesTheOnesChangedByHand() throws Exception {
        sqliteFiles("tenants", 3);
        assertThat(cli.run("up", "--targets", "tenants/*.db").exitCode()).isZero();
        CliRun.Result clean = cli.run("drift", "--targets", "tenants/*.db");
        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.out()).contains("ok         t00  at 0002_orders, no drift");

        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tenants/t01.db"));
                var s = c.createStatement()) {
            s.execute("CREATE TABLE by_hand (id INTEGER)");
        }
        CliRun.Result drifted = cli.run("--format", "json", "drift", "--targets", "tenants/*.db",
                "--continue-on-error");
        assertThat(drifted.exitCode()).as("%s", drifted).isEqualTo(ExitCodes.LINT);
        JsonOutputSchemaTest.assertValid("drift", drifted.out());
        JsonNode doc = JSON.readTree(drifted.out());
        assertThat(doc.at("/operation").asText()).isEqualTo("drift");
        assertThat(doc.at("/targets/1/outcome").asText()).isEqualTo("failed");
        assertThat(doc.at("/targets/1/error/fault").asText()).isEqualTo("schema_drift");
        assertThat(doc.at("/targets/1/error/message").asText())
                .contains("table by_hand: in the database, not in the schema recorded by graft up");
        assertThat(doc.at("/targets/2/outcome").asText()).isEqualTo("succeeded");
        assertThat(doc.at("/summary/exit_code").asInt()).isEqualTo(ExitCodes.LINT);

        CliRun.Result against = cli.run("drift", "--targets", "tenants/*.db", "--against", "changelog");
        assertThat(against.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFailingTargetIsReportedWithItsFaultAndTheExitCodeOfItsFamily() throws IOException {
        sqliteFiles("tenants", 3);
        Files.writeString(dir.resolve("blocker"), "");
        Files.writeString(dir.resolve("targets.txt"), """
                # the fleet
                jdbc:sqlite:tenants/t00.db
                {"name": "broken", "url": "jdbc:sqlite:blocker/x.db"}
                jdbc:sqlite:tenants/t01.db
                jdbc:sqlite:tenants/t02.db
                """);
        CliRun.Result up = cli.run("--format", "json", "up", "--targets", "targets.txt", "--parallel", "1");
        assertThat(up.exitCode()).as("%s", up).isEqualTo(1);
        JsonOutputSchemaTest.assertValid("up", up.out());
        JsonNode doc = JSON.readTree(up.out());
        assertThat(doc.at("/targets/0/outcome").asText()).isEqualTo("succeeded");
        assertThat(doc.at("/targets/1/outcome").asText()).isEqualTo("failed");
        assertThat(doc.at("/targets/1/error/fault").asText()).isEqualTo("unreachable");
        assertThat(doc.at("/targets/1/error/exit_code").asInt()).isEqualTo(1);
        assertThat(doc.at("/targets/2/outcome").asText()).as("the first failure stops the launching").isEqualTo("skipped");
        assertThat(doc.at("/summary/exit_code").asInt()).isEqualTo(1);

        CliRun.Result all = cli.run("up", "--targets", "targets.txt", "--continue-on-error");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("FAILED     broken  unreachable: cannot connect to the database")
                .contains("Failures:")
                .contains("4 targets: 3 succeeded, 1 failed")
                .contains("Fix the failures and run the same command again");

        Files.writeString(dir.resolve("bad.txt"), "jdbc:sqlite:a.db\nnot a url\n");
        CliRun.Result bad = cli.run("up", "--targets", "bad.txt");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.txt:2:1:");
    }

    @Test
    void shardsSplitTheFleetWithoutOverlap() throws IOException {
        sqliteFiles("tenants", 12);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int s = 0; s < 3; s++) {
            CliRun.Result r = cli.run("--format", "json", "up", "--targets", "tenants/*.db", "--shard", s + "/3");
            assertThat(r.exitCode()).as("%s", r).isZero();
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("shard").asText()).isEqualTo(s + "/3");
            for (JsonNode t : doc.get("targets")) {
                assertThat(seen.add(t.get("name").asText())).isTrue();
                assertThat(t.get("applied")).hasSize(2);
                total++;
            }
        }
        assertThat(total).isEqualTo(12);
        CliRun.Result bad = cli.run("up", "--targets", "tenants/*.db", "--shard", "3/3");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("shards count from 0");
    }

    @Test
    void fleetOptionsNeedTargetsAndTargetsNeedSomethingToName() throws IOException {
        assertThat(cli.run("up", "--parallel", "3").err()).contains("--parallel goes with --targets");
        CliRun.Result none = cli.run("up", "--targets", "nowhere");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("there is no file nowhere and no environment nowhere");
        sqliteFiles("tenants", 1);
        assertThat(cli.run("up", "--targets", "tenants/*.db", "--waves", "1,x").err()).contains("'x' is not a number");
        Files.writeString(dir.resolve("graft.yaml"), """
                environments:
                  plain: { url: "jdbc:sqlite:x.db" }
                  broken:
                    targets: [ "jdbc:sqlite:a.db", { nmae: b, url: "jdbc:sqlite:b.db" } ]
                """);
        assertThat(cli.run("up", "--targets", "plain").err()).contains("the environment plain of graft.yaml has no targets");
        CliRun.Result broken = cli.run("up", "--targets", "broken");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("graft.yaml:4:").contains("unknown key 'nmae'");
    }

    @Test
    void schemaPerTenantFromATargetsQueryOnPostgres() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL)) {
            db.execute("CREATE TABLE tenants (name VARCHAR(40), active BOOLEAN)");
            db.execute("INSERT INTO tenants VALUES ('acme', true), ('globex', true), ('initech', false), ('umbrella', true)");
            Files.writeString(dir.resolve("graft.yaml"), """
                    environments:
                      saas:
                        url: "%s"
                        user: %s
                        targets_query: SELECT name AS schema FROM tenants WHERE active ORDER BY name
                        parallel: 3
                    """.formatted(db.url(), db.user()));
            CliRun.Result status = cli.run("--format", "json", "status", "--targets", "saas");
            assertThat(status.exitCode()).as("%s", status).isZero();
            JsonNode before = JSON.readTree(status.out());
            assertThat(before.get("targets")).extracting(t -> t.get("name").asText())
                    .containsExactly("acme", "globex", "umbrella");
            assertThat(before.at("/targets/0/pending")).hasSize(2);

            CliRun.Result up = cli.run("up", "--targets", "saas");
            assertThat(up.exitCode()).as("%s", up).isZero();
            for (String schema : List.of("acme", "globex", "umbrella")) {
                assertThat(db.query("SELECT id FROM " + schema + ".graft_revisions ORDER BY applied_seq"))
                        .extracting(r -> r.get("id")).containsExactly("0001_accounts", "0002_orders");
                assertThat(db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '" + schema
                        + "' AND table_name = 'orders'").get(0).get("n")).isEqualTo(1L);
            }
            assertThat(db.query("SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = 'initech'")
                    .get(0).get("n")).isEqualTo(0L);
            assertThat(cli.run("check", "--targets", "saas").exitCode()).isZero();
        }
    }

    @Test
    void databasePerTenantOnMariadbAndALockedTargetExitsWithTheLockCode() throws Exception {
        List<TestDatabase> dbs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                dbs.add(TestDatabase.create(DialectId.MYSQL));
            }
            StringBuilder yaml = new StringBuilder("environments:\n  shops:\n    user: " + dbs.get(0).user()
                    + "\n    lock_timeout: 1s\n    targets:\n");
            for (TestDatabase db : dbs) {
                yaml.append("      - \"").append(db.url()).append("\"\n");
            }
            Files.writeString(dir.resolve("graft.yaml"), yaml.toString());
            CliRun.Result up = cli.run("up", "--targets", "shops");
            assertThat(up.exitCode()).as("%s", up).isZero();
            for (TestDatabase db : dbs) {
                assertThat(db.appliedIds()).containsExactly("0001_accounts", "0002_orders");
            }
            // Another session holds the migration lock of every shop: each one fails as locked, exit 4.
            List<java.sql.Connection> holders = new ArrayList<>();
            try {
                for (TestDatabase db : dbs) {
                    java.sql.Connection c = db.connect();
                    holders.add(c);
                    String name = db.url().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute("SELECT GET_LOCK('graft:" + name + ":graft_', 0)");
                    }
                }
                CliRun.Result locked = cli.run("--format", "json", "down", "base", "--targets", "shops",
                        "--continue-on-error");
                JsonOutputSchemaTest.assertValid("down", locked.out());
                JsonNode doc = JSON.readTree(locked.out());
                if (doc.at("/targets/0/error/fault").asText().equals("locked")) {
                    assertThat(locked.exitCode()).isEqualTo(4);
                    assertThat(doc.at("/summary/failed").asInt()).isEqualTo(3);
                } else {
                    throw new AssertionError("expected the lock to be held: " + locked.out());
                }
            } finally {
                for (java.sql.Connection c : holders) {
                    c.close();
                }
            }
        } finally {
            for (TestDatabase db : dbs) {
                db.close();
            }
        }
    }
}
