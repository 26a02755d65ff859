package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.changelog.DialectId;
import io.graft.cli.CliRun;
import io.graft.cli.render.JsonOutputSchemaTest;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code graft diff} as a user runs it: each kind of source, each format, the scratch database dropped. */
class DiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void sqliteDatabaseAgainstAnSqlFileAsSqlTextAndJson() throws Exception {
        Path db = dir.resolve("app.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, nick TEXT)");
        }
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT,"
                + " email TEXT);\nCREATE INDEX users_email ON users (email);\n");
        CliRun cli = new CliRun(dir);

        CliRun.Result sql = cli.run("diff", "--from", "jdbc:sqlite:app.db", "--to", "schema.sql");
        assertThat(sql.exitCode()).as("%s", sql).isZero();
        assertThat(sql.out()).isEqualTo("""
                -- DESTRUCTIVE: drop column users.nick
                ALTER TABLE users DROP COLUMN nick;

                -- add column users.email
                ALTER TABLE users ADD COLUMN email TEXT;

                -- create index users.users_email
                CREATE INDEX users_email ON users (email);
                """);

        CliRun.Result text = cli.run("diff", "--from", "jdbc:sqlite:app.db", "--to", "schema.sql", "--format", "text");
        assertThat(text.out()).contains("DESTRUCTIVE drop column users.nick", "add column users.email",
                "3 change(s), 1 destructive");

        CliRun.Result json = cli.run("--format", "json", "diff", "--from", "sqlite:///app.db", "--to", "schema.sql");
        assertThat(json.exitCode()).as("%s", json).isZero();
        JsonOutputSchemaTest.assertValid("diff", json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("dialect").asText()).isEqualTo("sqlite");
        assertThat(doc.get("destructive").asBoolean()).isTrue();
        assertThat(doc.at("/changes/1/kind").asText()).isEqualTo("add_column");
        assertThat(doc.at("/changes/1/statements/0").asText()).isEqualTo("ALTER TABLE users ADD COLUMN email TEXT");

        CliRun.Result same = cli.run("diff", "--from", "schema.sql", "--to", "schema.sql", "--format", "text");
        assertThat(same.out()).isEqualTo("No differences.\n");
    }

    @Test
    void aChangelogAtARevisionAgainstItsHeadWithARename() throws Exception {
        ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n", null)
                .revision("0002_rename", List.of("0001_users"),
                        "ALTER TABLE users RENAME COLUMN name TO full_name;\n", null)
                .save();
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("diff", "--from", "changelog.yaml@0001_users", "--to", "changelog.yaml",
                "--rename", "users.name=full_name");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("""
                -- rename column users.name to full_name
                ALTER TABLE users RENAME COLUMN name TO full_name;
                """);
        CliRun.Result noRename = cli.run("diff", "--from", "changelog.yaml@0001_users", "--to", "changelog.yaml",
                "--format", "text");
        assertThat(noRename.out()).contains("DESTRUCTIVE drop column users.name", "add column users.full_name");
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"POSTGRESQL", "MYSQL"})
    void serversBuildTheDesiredStateInAScratchDatabaseAndDropIt(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            db.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20))");
            Files.writeString(dir.resolve("want.sql"), "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(40));\n");
            String server = dialect == DialectId.POSTGRESQL ? System.getenv("GRAFT_TEST_POSTGRES_URL")
                    : System.getenv("GRAFT_TEST_MYSQL_URL");
            if (server == null) {
                // a server from Testcontainers has no URL in the environment; CI always sets it
                if (System.getenv("CI") != null || System.getenv().getOrDefault("GRAFT_TEST_REQUIRE", "").contains(dialect.key())) {
                    throw new AssertionError("GRAFT_TEST_POSTGRES_URL / GRAFT_TEST_MYSQL_URL must be set for " + dialect.key());
                }
                org.junit.jupiter.api.Assumptions.abort("needs a server URL in GRAFT_TEST_POSTGRES_URL / GRAFT_TEST_MYSQL_URL");
            }
            long before = scratchDatabases(db);
            CliRun cli = new CliRun(dir);
            String[] auth = db.user() == null ? new String[0] : new String[] {"--user", db.user()};
            CliRun.Result r = cli.run("diff", "--from", withUser(db), "--to", "want.sql", "--dev-url", server);
            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.out()).contains("-- alter column item.name").doesNotContain("DESTRUCTIVE");
            assertThat(scratchDatabases(db)).as("scratch databases left behind").isEqualTo(before);

            Files.writeString(dir.resolve("broken.sql"), "CREATE TABLE ok (id INTEGER);\nCREATE TABLE (nope;\n");
            CliRun.Result broken = cli.run("diff", "--from", withUser(db), "--to", "broken.sql", "--dev-url", server);
            assertThat(broken.exitCode()).as("%s", broken).isEqualTo(1);
            assertThat(broken.err()).contains("broken.sql:2:");
            assertThat(scratchDatabases(db)).as("scratch databases left behind after a failure").isEqualTo(before);

            CliRun.Result noDev = cli.run("diff", "--from", withUser(db), "--to", "want.sql");
            assertThat(noDev.exitCode()).as("%s", noDev).isEqualTo(2);
            assertThat(noDev.err()).contains("--dev-url");
        }
    }

    @Test
    void aSourceThatNamesNothingIsBadUsage() {
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("diff", "--from", "missing.sql", "--to", "jdbc:sqlite:x.db");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--from missing.sql: no such file or folder");
        CliRun.Result sqlElsewhere = cli.run("--format", "sql", "heads");
        assertThat(sqlElsewhere.exitCode()).isEqualTo(2);
        assertThat(sqlElsewhere.err()).contains("--format sql is for 'graft diff' only");
    }

    private static String withUser(TestDatabase db) {
        if (db.user() == null) {
            return db.url();
        }
        return db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    private static long scratchDatabases(TestDatabase db) {
        String sql = db.dialect() == DialectId.POSTGRESQL
                ? "SELECT count(*) AS n FROM pg_database WHERE datname LIKE 'graft\\_dev\\_%'"
                : "SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name LIKE 'graft\\_dev\\_%'";
        return ((Number) db.query(sql).get(0).get("n")).longValue();
    }
}
