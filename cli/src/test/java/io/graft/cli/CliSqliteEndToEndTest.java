package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CLI against a real SQLite file: init, up, status, history, down, check, repair, stamp.
 *
 * <p><b>Needs the engine.</b> Until {@code io.graft.Graft}'s methods are implemented (they throw
 * UnsupportedOperationException on the skeleton), these tests fail; they are meant to pass once
 * the engine is merged. Assertions are on what the CLI itself prints and on exit codes, not on
 * the engine's wording.
 */
class CliSqliteEndToEndTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void project() throws IOException {
        cli = new CliRun(dir);
        CliRun.Result init = cli.run("init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Files.writeString(dir.resolve("changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: 0001_users
                    parents: []
                    description: Create users
                    up: sql/0001_users.up.sql
                    down: sql/0001_users.down.sql
                  - id: 0002_orders
                    parents: [0001_users]
                    description: Create orders
                    labels: [shop]
                    up: sql/0002_orders.up.sql
                    down: sql/0002_orders.down.sql
                  - id: 0003_index
                    parents: [0002_orders]
                    up: sql/0003_index.up.sql
                    down: sql/0003_index.down.sql
                """);
        sql("0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n");
        sql("0001_users.down.sql", "DROP TABLE users;\n");
        sql("0002_orders.up.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id));\n"
                + "INSERT INTO users (name) VALUES ('first');\n");
        sql("0002_orders.down.sql", "DROP TABLE orders;\nDELETE FROM users;\n");
        sql("0003_index.up.sql", "CREATE INDEX orders_user ON orders (user_id);\n");
        sql("0003_index.down.sql", "DROP INDEX orders_user;\n");
    }

    private void sql(String name, String text) throws IOException {
        Files.writeString(dir.resolve("sql").resolve(name), text);
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.run(args);
        assertThat(r.exitCode()).as("graft %s\nstdout:\n%s\nstderr:\n%s", String.join(" ", args), r.out(), r.err())
                .isZero();
        return r;
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    @Test
    void upStatusHistoryDownBase() throws Exception {
        assertThat(ok("validate").out()).startsWith("Valid: ");

        CliRun.Result up = ok("up");
        assertThat(up.out()).contains("  applied 0001_users  (", "  applied 0002_orders  (", "  applied 0003_index  (")
                .containsPattern("3 revisions applied in \\d+\\.\\d\\d s; current: 0003_index");
        assertThat(tableExists("orders")).isTrue();

        assertThat(ok("up").out()).isEqualTo("Nothing to do: database is at heads (0003_index).\n");
        assertThat(ok("status").out()).contains("Current:     0003_index (head)", "Pending:     none", "Up to date.");
        assertThat(ok("current").out()).isEqualTo("0003_index (head)\n");
        assertThat(ok("heads").out()).isEqualTo("0003_index (head)\n");
        assertThat(ok("history").out()).isEqualTo("""
                0002_orders -> 0003_index (head)
                0001_users -> 0002_orders (shop), Create orders
                <base> -> 0001_users, Create users
                """);
        assertThat(ok("show", "shop").out()).startsWith("Rev: 0002_orders (shop)\nParent: 0001_users\n");
        assertThat(ok("check").out()).startsWith("OK: ");

        CliRun.Result down = ok("down", "0001_users");
        assertThat(down.out()).contains("  reverted 0003_index  (", "  reverted 0002_orders  (")
                .containsPattern("2 revisions reverted in .* s; current: 0001_users");
        assertThat(tableExists("orders")).isFalse();
        assertThat(tableExists("users")).isTrue();

        assertThat(ok("history", "-i").out()).contains("0001_users -> 0002_orders (shop) (pending)",
                "<base> -> 0001_users (current), Create users");

        JsonNode status = new ObjectMapper().readTree(ok("status", "--format", "json").out());
        assertThat(status.get("current").toString()).isEqualTo("[\"0001_users\"]");
        assertThat(status.get("pending")).hasSize(2);
        assertThat(status.get("up_to_date").asBoolean()).isFalse();

        ok("down", "base");
        assertThat(tableExists("users")).isFalse();
        assertThat(ok("current").out()).isEqualTo("<base> (nothing applied)\n");
    }

    @Test
    void jsonRunsAndTargets() throws Exception {
        JsonNode up = new ObjectMapper().readTree(ok("--format", "json", "up", "0002_orders").out());
        assertThat(up.get("operation").asText()).isEqualTo("up");
        assertThat(up.get("steps")).hasSize(2);
        assertThat(up.get("current").toString()).isEqualTo("[\"0002_orders\"]");

        JsonNode down = new ObjectMapper().readTree(ok("down", "base", "--format", "json").out());
        assertThat(down.get("direction").asText()).isEqualTo("down");
        assertThat(down.get("steps").get(0).get("revision").asText()).isEqualTo("0002_orders");

        CliRun.Result unknown = cli.run("up", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("graft: error: ");
    }

    @Test
    void quietUpPrintsNothing() {
        assertThat(ok("-q", "up").all()).isEmpty();
    }

    @Test
    void changedChecksumIsDriftUntilRepaired() throws Exception {
        ok("up");
        sql("0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        CliRun.Result check = cli.run("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).startsWith("graft: error: ").contains("0001_users");
        assertThat(ok("status").out()).contains("Problems:    1", "0001_users");

        assertThat(ok("repair").out()).isEqualTo("Accepted the new checksums of 1 revision: 0001_users\n");
        ok("check");
        assertThat(ok("repair").out()).isEqualTo("No changed checksums: nothing to repair.\n");
    }

    @Test
    void checksumsAndTheChangelogAreKeptInTheCacheFolderAndAChangeIsStillSeen() throws Exception {
        Path cache = dir.resolve("cache");
        cli.env("GRAFT_CACHE_DIR", cache.toString());
        ok("up");
        try (var kept = Files.walk(cache)) {
            // the tests run Graft from its jar, as users do: the changelog's model is kept too
            assertThat(kept.filter(f -> f.toString().endsWith(".bin")).map(f -> f.getParent().getFileName().toString()))
                    .containsExactlyInAnyOrder("checksums-v2", "changelogs-v1");
        }
        ok("check");
        sql("0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        CliRun.Result check = cli.run("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).contains("0001_users");

        Path changelog = dir.resolve("changelog.yaml");
        String before = Files.readString(changelog);
        Files.writeString(changelog, before.replace("id: 0002_orders", "id: 0002-orders"));
        CliRun.Result edited = cli.run("heads");
        assertThat(edited.exitCode()).isNotZero();
        assertThat(edited.err()).contains("changelog.yaml:", "0002-orders");
        Files.writeString(changelog, before);
        assertThat(ok("heads").out()).contains("0003_index");

        Path off = dir.resolve("not-kept");
        cli.env("GRAFT_CACHE_DIR", "off").env("HOME", off.toString());
        ok("validate");
        assertThat(off).doesNotExist();
    }

    @Test
    void stampAndPurgeRunNoSql() throws Exception {
        assertThat(ok("stamp", "0002_orders").out()).contains("  stamped 0001_users", "  stamped 0002_orders");
        assertThat(tableExists("users")).isFalse();
        assertThat(ok("current").out()).isEqualTo("0002_orders (shop)\n");
        ok("stamp", "--purge");
        assertThat(ok("current").out()).isEqualTo("<base> (nothing applied)\n");
    }

    @Test
    void invalidChangelogListsEveryProblem() throws Exception {
        Files.writeString(dir.resolve("changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: 0001_users
                    parnets: []
                    up: sql/0001_users.up.sql
                  - id: add-orders
                    parents: [0001_users]
                    up: sql/missing.sql
                """);
        CliRun.Result r = cli.run("validate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("graft: error: invalid changelog: ").contains("changelog.yaml:4:")
                .contains("hint: ");
        JsonNode error = new ObjectMapper().readTree(cli.run("validate", "--format", "json").out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("changelog");
        assertThat(error.get("problems").size()).isGreaterThanOrEqualTo(2);
        assertThat(error.get("problems").get(0).get("line").asInt()).isPositive();
    }

    @Test
    void downWithoutTargetIsRefusedBeforeConnecting() {
        CliRun.Result r = cli.run("down");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("graft.db")).doesNotExist();
    }
}
