package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every database URL a user types, on the command line exactly as typed, against the real
 * databases: JDBC URLs ({@code jdbc:mysql:} included, which MariaDB Connector/J reaches as
 * {@code jdbc:mariadb:}), the URLs of libpq and SQLAlchemy (Alembic's {@code sqlalchemy.url}), and
 * those Graft cannot use (exit 2, one line, the accepted forms).
 */
class DatabaseUrlsCliTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void project() {
        cli = new CliRun(dir);
        ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER);\n", "DROP TABLE users;\n")
                .revision("0002_orders", List.of("0001_users"), "CREATE TABLE orders (id INTEGER);\n",
                        "DROP TABLE orders;\n")
                .save();
    }

    private CliRun.Result run(String... args) {
        return cli.run(args);
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.run(args);
        assertThat(r.exitCode()).as("graft %s\nstdout:\n%s\nstderr:\n%s", String.join(" ", args), r.out(), r.err())
                .isZero();
        return r;
    }

    /** {@code HOST:PORT} and the database name of a test database's JDBC URL. */
    private static String hostPort(TestDatabase db) {
        String rest = db.url().substring(db.url().indexOf("//") + 2);
        return rest.substring(0, rest.indexOf('/'));
    }

    private static String name(TestDatabase db) {
        String rest = db.url().substring(db.url().indexOf("//") + 2);
        String path = rest.substring(rest.indexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** {@code USER[:PASSWORD]} of the test server, for user info. */
    private static String userInfo(TestDatabase db) {
        return db.user() + (db.password() == null || db.password().isEmpty() ? "" : ":" + db.password());
    }

    static Stream<Arguments> serverUrls() {
        return Stream.of(
                Arguments.of(DialectId.POSTGRESQL, "postgresql://{userinfo}@{host}/{db}", "jdbc:postgresql://{host}/{db}"),
                Arguments.of(DialectId.POSTGRESQL, "postgres://{userinfo}@{host}/{db}?sslmode=disable&application_name=graft_t",
                        "jdbc:postgresql://{host}/{db}?sslmode=disable&ApplicationName=graft_t"),
                Arguments.of(DialectId.POSTGRESQL, "postgresql+psycopg2://{userinfo}@{host}/{db}", "jdbc:postgresql://{host}/{db}"),
                Arguments.of(DialectId.POSTGRESQL, "jdbc:postgresql://{userinfo}@{host}/{db}", "jdbc:postgresql://{host}/{db}"),
                Arguments.of(DialectId.MYSQL, "jdbc:mysql://{host}/{db}?user={user}", "jdbc:mariadb://{host}/{db}?user={user}"),
                Arguments.of(DialectId.MYSQL, "jdbc:mysql://{userinfo}@{host}/{db}", "jdbc:mariadb://{host}/{db}"),
                Arguments.of(DialectId.MYSQL, "mysql://{userinfo}@{host}/{db}", "jdbc:mariadb://{host}/{db}"),
                Arguments.of(DialectId.MYSQL, "mariadb://{userinfo}@{host}/{db}", "jdbc:mariadb://{host}/{db}"),
                Arguments.of(DialectId.MYSQL, "mysql+pymysql://{userinfo}@{host}/{db}?charset=utf8mb4",
                        "jdbc:mariadb://{host}/{db}"),
                Arguments.of(DialectId.MYSQL, "mariadb+mariadbconnector://{userinfo}@{host}/{db}?connect_timeout=10",
                        "jdbc:mariadb://{host}/{db}?connectTimeout=10000"));
    }

    private static String fill(String template, TestDatabase db) {
        return template.replace("{userinfo}", userInfo(db)).replace("{user}", db.user()).replace("{host}", hostPort(db))
                .replace("{db}", name(db));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("serverUrls")
    void aServerUrlInAnyFormRunsUpStatusAndDown(DialectId dialect, String form, String shown) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            String url = fill(form, db);
            CliRun.Result up = ok("--url", url, "up");
            assertThat(up.out()).contains("0002_orders");
            assertThat(db.appliedIds()).containsExactly("0001_users", "0002_orders");
            assertThat(db.userTables()).contains("users", "orders");

            CliRun.Result status = ok("--url", url, "status");
            assertThat(status.out()).contains("Database:    " + fill(shown, db)).contains("Current:     0002_orders");
            assertThat(status.err()).doesNotContain("no database yet");

            ok("--url", url, "down", "base");
            assertThat(db.userTables()).doesNotContain("users", "orders");
        }
    }

    @Test
    void anEmptyPasswordVariableIsAPasswordNotAnUnsetVariable() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.MYSQL)) {
            String user = "graft_nopw_" + Long.toHexString(System.nanoTime() & 0xffffff);
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY ''");
            try {
                db.execute("GRANT ALL ON " + name(db) + ".* TO '" + user + "'@'%'");
                String url = "mysql://" + user + "@" + hostPort(db) + "/" + name(db);
                assertThat(cli.env("GRAFT_PASSWORD", "").run("--url", url, "up").exitCode()).isZero();
                Files.writeString(dir.resolve("graft.yaml"), "url: " + url + "\npassword: ${APP_DB_PASSWORD}\n");
                CliRun.Result r = new CliRun(dir).env("APP_DB_PASSWORD", "").run("status");
                assertThat(r.exitCode()).as(r.all()).isZero();
                assertThat(r.out()).contains("Current:     0002_orders");
                // Unset is still an error that names the variable.
                CliRun.Result unset = new CliRun(dir).run("status");
                assertThat(unset.exitCode()).isEqualTo(2);
                assertThat(unset.err()).contains("graft.yaml:2:11: environment variable APP_DB_PASSWORD is not set");
            } finally {
                db.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    @Test
    void aPasswordInTheUrlIsDecodedUsedAndNeverPrinted() {
        try (TestDatabase db = TestDatabase.create(DialectId.MYSQL)) {
            String user = "graft_pw_" + Long.toHexString(System.nanoTime() & 0xffffff);
            String password = "p@ss:w/rd#" + Long.toHexString(System.nanoTime() & 0xffff);
            String encoded = password.replace("@", "%40").replace(":", "%3A").replace("/", "%2F").replace("#", "%23");
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            try {
                db.execute("GRANT ALL ON " + name(db) + ".* TO '" + user + "'@'%'");
                String url = "mysql://" + user + ":" + encoded + "@" + hostPort(db) + "/" + name(db);
                CliRun.Result up = ok("--url", url, "-v", "up");
                CliRun.Result json = ok("--url", url, "--format", "json", "status");
                CliRun.Result wrong = run("--url", url.replace(encoded, encoded + "x"), "-v", "status");
                assertThat(wrong.exitCode()).isEqualTo(1);
                assertThat(wrong.err()).contains("cannot connect to the database").contains("Access denied");
                for (CliRun.Result r : List.of(up, json, wrong)) {
                    assertThat(r.all()).doesNotContain(password).doesNotContain(encoded)
                            .doesNotContain(password.substring(password.indexOf('#')));
                }
            } finally {
                db.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    @Test
    void sqliteUrlsOfAlembicNameARelativeOrAnAbsoluteFile() throws Exception {
        ok("--url", "sqlite:///app.db", "up");
        assertThat(dir.resolve("app.db")).exists();
        assertThat(ok("--url", "sqlite:///app.db", "status").out())
                .contains("Database:    jdbc:sqlite:" + dir.resolve("app.db")).contains("Current:     0002_orders");

        Files.createDirectories(dir.resolve("data"));
        ok("--url", "sqlite+pysqlite:///data/app.db", "up", "0001_users");
        assertThat(dir.resolve("data/app.db")).exists();

        Path elsewhere = Files.createTempDirectory("graft-abs-");
        try {
            Path abs = elsewhere.resolve("abs.db");
            String url = "sqlite:///" + abs;
            assertThat(url).startsWith("sqlite:////");
            ok("--url", url, "up");
            assertThat(abs).exists();
            assertThat(ok("--url", url, "current").out()).contains("0002_orders");
            assertThat(dir.resolve(abs.toString().substring(1))).doesNotExist();
        } finally {
            try (Stream<Path> files = Files.walk(elsewhere)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void readingAnSqliteFileThatDoesNotExistDoesNotCreateIt() {
        for (String[] read : new String[][] {{"status"}, {"current"}, {"check"}, {"--format", "json", "status"}}) {
            for (String url : new String[] {null, "sqlite:///missing.db", "jdbc:sqlite:missing.db"}) {
                String[] args = url == null ? read : Stream.concat(Stream.of("--url", url), Stream.of(read))
                        .toArray(String[]::new);
                CliRun.Result r = ok(args);
                String file = url == null ? "graft.db" : "missing.db";
                assertThat(r.err()).as(String.join(" ", args)).contains("graft: no database yet: " + dir.resolve(file)
                        + " does not exist, so nothing is applied (it was not created); 'graft up' creates it");
                assertThat(dir.resolve(file)).doesNotExist();
            }
        }
        assertThat(ok("status").out()).contains("Current:     <base> (nothing applied)").contains("0001_users");
        assertThat(ok("up", "--sql").out()).contains("CREATE TABLE users");
        assertThat(ok("-q", "status").err()).isEmpty();
        assertThat(dir.resolve("graft.db")).doesNotExist();
        ok("up");
        assertThat(dir.resolve("graft.db")).exists();
        assertThat(ok("status").err()).doesNotContain("no database yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:oracle:thin:@db:1521:orcl", "jdbc:sqlserver://db;databaseName=app", "postgresq://db/app",
            "mongodb://db/app", "localhost:5432/app", "app.db", "oracle+cx_oracle://scott:tiger@db/app"})
    void anyOtherSchemeExitsTwoWithTheAcceptedForms(String url) {
        CliRun.Result r = run("--url", url, "status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("graft: error: unsupported database URL '")
                .contains("Graft accepts jdbc:postgresql://HOST[:PORT]/DB, postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB")
                .contains("jdbc:mysql://HOST[:PORT]/DB").contains("sqlite:///RELATIVE.db, sqlite:////ABSOLUTE.db")
                .doesNotContain("tiger");
    }

    @Test
    void aMalformedUrlSaysWhatIsWrongInTextAndJson() throws Exception {
        CliRun.Result r = run("--url", "postgresql://app:Secr3t@db:99999/app", "up");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("graft: error: invalid database URL 'postgresql://...': the port must be a "
                + "number from 1 to 65535; percent-encode '@', ':', '/', '?' and '#' in a password (%40 %3A %2F %3F %23)\n");

        CliRun.Result json = run("--format", "json", "--url", "jdbc:oracle:thin:@db:1521:orcl", "status");
        assertThat(json.exitCode()).isEqualTo(2);
        JsonNode error = new ObjectMapper().readTree(json.out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("usage");
        assertThat(error.get("message").asText()).startsWith("unsupported database URL 'jdbc:oracle:...'");
    }

    @Test
    void aPostgresUrlThatCannotConnectIsAConnectionErrorNotACrash() {
        CliRun.Result r = run("--url", "postgresql://nobody@127.0.0.1:1/app", "status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("graft: error: cannot connect to the database").doesNotContain("unexpected");
    }
}
