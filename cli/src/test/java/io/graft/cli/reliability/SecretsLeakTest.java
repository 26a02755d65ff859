package io.graft.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.cli.reliability.Graftc.Result;
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
 * DESIGN §8: a password never appears in any output. A real PostgreSQL role with a password; the
 * password given by {@code --password}, {@code GRAFT_PASSWORD}, graft.yaml, {@code ?password=} and the user
 * info of a libpq or SQLAlchemy URL ({@code postgresql://user:password@host/db});
 * commands that succeed and commands that fail (wrong password, unreachable host, bad changelog,
 * a failing migration), with and without {@code -v}, in text and JSON, in-process and in separate
 * JVMs. Every stdout, stderr and graft_log row is searched for the password.
 */
class SecretsLeakTest {

    private static final String SECRET = "Sx9-pw-" + Long.toHexString(System.nanoTime());
    /** A role of its own per run: a role left behind by a killed run must not stop this one. */
    private static final String ROLE = "graft_secret_" + Long.toHexString(System.nanoTime() & 0xffffffffL);

    @TempDir
    Path dir;

    private final List<String> outputs = new ArrayList<>();

    private Result record(Result r) {
        outputs.add(r.all());
        return r;
    }

    @Test
    void aPasswordFromAnySourceNeverAppears() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL)) {
            db.execute("DROP ROLE IF EXISTS " + ROLE);
            db.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + SECRET + "'");
            try (TestDatabase maria = TestDatabase.create(DialectId.MYSQL)) {
                String mariaDb = maria.url().replaceAll("^.*/([^/?]+).*$", "$1");
                maria.execute("DROP USER IF EXISTS '" + ROLE + "'@'%'");
                maria.execute("CREATE USER '" + ROLE + "'@'%' IDENTIFIED BY '" + SECRET + "'");
                try {
                    maria.execute("GRANT ALL ON " + mariaDb + ".* TO '" + ROLE + "'@'%'");
                    db.execute("GRANT ALL ON SCHEMA public TO " + ROLE);
                    run(db, maria);
                } finally {
                    db.execute("DROP OWNED BY " + ROLE);
                    maria.execute("DROP USER IF EXISTS '" + ROLE + "'@'%'");
                }
            }
        } finally {
            dropRole();
        }
    }

    /**
     * The PostgreSQL server of the tests trusts local connections (any password works there), so
     * the wrong-password cases run against MariaDB, which checks it.
     */
    private void run(TestDatabase db, TestDatabase maria) throws Exception {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", "DROP TABLE a;\n")
                .revision("0002_b", List.of("0001_a"), "CREATE TABLE b (n INTEGER);\n", "DROP TABLE b;\n")
                .revision("0003_bad", List.of("0002_b"), "INSERT INTO missing VALUES (1);\n", null)
                .save();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "changelog: 1\nrevisions:\n  - id: x\n    parnets: []\n    up: nope.sql\n");
        String url = db.url();
        String urlWithPassword = url + (url.contains("?") ? "&" : "?") + "user=" + ROLE + "&password=" + SECRET;
        String wrong = SECRET + "-wrong";
        // libpq / SQLAlchemy forms, the password in the user info.
        String libpq = "postgresql://" + ROLE + ":" + SECRET + "@" + hostPortAndName(url);
        String mysqlForm = "mysql+pymysql://" + ROLE + ":" + SECRET + "@" + hostPortAndName(maria.url());
        Files.writeString(dir.resolve("graft.yaml"), "environments:\n  yaml:\n    url: " + url + "\n    user: " + ROLE
                + "\n    password: \"${SECRET_FROM_ENV}\"\n  literal:\n    url: " + url + "\n    user: " + ROLE
                + "\n    password: \"" + SECRET + "\"\n");
        Map<String, String> noEnv = Map.of();
        Map<String, String> envPw = Map.of("GRAFT_PASSWORD", SECRET);
        Map<String, String> yamlEnv = Map.of("SECRET_FROM_ENV", SECRET);
        String c = changelog.toString();

        List<List<String>> sources = List.of(
                List.of("--url", url, "--user", ROLE, "--password", SECRET),
                List.of("--url", url, "--user", ROLE),                    // GRAFT_PASSWORD
                List.of("--env", "yaml"),                                  // graft.yaml ${VAR}
                List.of("--env", "literal"),                               // graft.yaml literal
                List.of("--url", urlWithPassword),                         // ?password=
                List.of("--url", libpq));                                  // postgresql://user:password@
        List<Map<String, String>> envs = List.of(noEnv, envPw, yamlEnv, noEnv, noEnv, noEnv);
        for (int i = 0; i < sources.size(); i++) {
            List<String> src = sources.get(i);
            Map<String, String> env = envs.get(i);
            for (String[] command : new String[][] {
                {"up", "0002_b"}, {"status"}, {"-v", "history"}, {"check"}, {"--format", "json", "status"},
                {"-v", "up"}, {"--format", "json", "-v", "up"}, {"down", "base"}, {"up", "--sql"}}) {
                List<String> args = new ArrayList<>(src);
                args.add("-c");
                args.add(c);
                args.addAll(List.of(command));
                Result r = record(Graftc.run(dir, env, args));
                if (command[0].equals("up") && command.length == 2 && !command[1].equals("--sql")) {
                    assertThat(r.exitCode()).as("%s with %s", r, src).isZero();
                }
            }
        }
        assertThat(Graftc.run(dir, Map.of(), List.of("--url", urlWithPassword, "-c", c, "status")).out())
                .contains("0002_b");
        String m = maria.url();
        for (List<String> ok : List.of(List.of("--url", m, "--user", ROLE, "--password", SECRET, "-c", c, "-v", "up", "0002_b"),
                List.of("--url", m + (m.contains("?") ? "&" : "?") + "user=" + ROLE + "&password=" + SECRET, "-c", c,
                        "--format", "json", "-v", "status"),
                List.of("--url", mysqlForm, "-c", c, "-v", "status"),
                List.of("--url", "jdbc:mysql://" + ROLE + ":" + SECRET + "@" + hostPortAndName(m), "-c", c, "status"))) {
            Result r = record(Graftc.run(dir, Map.of(), ok));
            assertThat(r.out()).as("%s", r).contains("0002_b");
        }
        // Failing ones: a wrong password, an unreachable host, a bad changelog, with -v, text and JSON.
        for (String[] v : new String[][] {{}, {"-v"}, {"--format", "json", "-v"}}) {
            List<List<String>> failing = List.of(
                    List.of("--url", m, "--user", ROLE, "--password", wrong, "-c", c, "up"),
                    List.of("--url", m + (m.contains("?") ? "&" : "?") + "user=" + ROLE + "&password=" + wrong, "-c", c, "status"),
                    List.of("--url", m, "--user", ROLE, "--password", SECRET.substring(0, 6), "-c", c, "status"),
                    List.of("--url", "jdbc:postgresql://127.0.0.1:1/x", "--user", ROLE, "--password", SECRET, "-c", c, "up"),
                    List.of("--url", "jdbc:postgresql://127.0.0.1:1/x?password=" + SECRET, "-c", c, "status"),
                    List.of("--url", "jdbc:mariadb://127.0.0.1:1/x?password=" + SECRET, "-c", c, "status"),
                    List.of("--url", mysqlForm.replace(SECRET, wrong), "-c", c, "status"),
                    List.of("--url", "postgresql://" + ROLE + ":" + SECRET + "@127.0.0.1:1/x", "-c", c, "status"),
                    List.of("--url", "postgresql://" + ROLE + ":" + SECRET + "@127.0.0.1:99999/x", "-c", c, "status"),
                    List.of("--url", "oracle://" + ROLE + ":" + SECRET + "@db/x", "-c", c, "status"),
                    List.of("--url", url, "--user", ROLE, "--password", SECRET, "-c", bad.toString(), "up"),
                    List.of("--url", url, "--user", ROLE, "--password", SECRET, "--lock-timeout", SECRET, "up"),
                    List.of("--url", url, "--user", ROLE, "--password", SECRET, "-c", c, "up", SECRET));
            for (List<String> f : failing) {
                List<String> args = new ArrayList<>(List.of(v));
                args.addAll(f);
                Result r = record(Graftc.run(dir, Map.of(), args));
                assertThat(r.exitCode()).as("%s", r).isNotZero();
            }
            List<String> wrongEnv = new ArrayList<>(List.of(v));
            wrongEnv.addAll(List.of("--url", m, "--user", ROLE, "-c", c, "up"));
            assertThat(record(Graftc.run(dir, Map.of("GRAFT_PASSWORD", wrong), wrongEnv)).exitCode()).isNotZero();
        }
        // A separate JVM, as users run it: password from the environment, then from the URL.
        outputs.add(Graftc.spawn(dir, null, Map.of("GRAFT_PASSWORD", SECRET),
                List.of("--url", url, "--user", ROLE, "-c", c, "-v", "up")).await(60).all());
        outputs.add(Graftc.spawn(dir, null, Map.of(),
                List.of("--url", urlWithPassword, "-c", c, "-v", "--format", "json", "status")).await(60).all());

        assertThat(outputs).hasSizeGreaterThan(60);
        assertThat(String.join("\n", outputs)).contains("0003_bad").contains("Access denied");
        for (String output : outputs) {
            assertThat(output).doesNotContain(SECRET);
        }
        // The history the runs wrote, failures included.
        List<Map<String, Object>> log = db.query("SELECT * FROM graft_log");
        assertThat(log).isNotEmpty();
        assertThat(log.toString()).contains("failure").doesNotContain(SECRET);
        assertThat(db.query("SELECT * FROM graft_revisions").toString()).doesNotContain(SECRET);
    }

    /** {@code HOST:PORT/NAME} of a JDBC URL. */
    private static String hostPortAndName(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        return rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    }

    private static void dropRole() {
        try (TestDatabase admin = TestDatabase.create(DialectId.POSTGRESQL)) {
            admin.execute("DROP ROLE IF EXISTS " + ROLE);
        }
    }
}
