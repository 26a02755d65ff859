package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.AdoptResult;
import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.MigrationException;
import io.graft.RunResult;
import io.graft.changelog.DialectId;
import io.graft.testing.SchemaDump;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that switching from Sqitch changes nothing, with the real {@code sqitch} (Debian's
 * package, 1.3.x) and its Perl drivers: the flipr fixture (a line of changes with dependencies,
 * tags, a reworked change, a script without BEGIN/COMMIT, revert and verify scripts) deployed by
 * {@code sqitch deploy} and the imported changelog applied by Graft give the same schema (as
 * {@code pg_dump -s}, {@code sqlite3 .schema} and {@code mariadb-dump --no-data} write it, Sqitch's
 * registry and Graft's tables left out: {@link SchemaDump}), and so
 * do {@code sqitch revert --to @v1.0} and {@code graft down v1.0}; the change ids Graft computes
 * from the plan are the ones in Sqitch's registry; a database that Sqitch deployed halfway is
 * adopted and finished by {@code graft up} into the schema of the full deploy; an edited deploy
 * script or a change the changelog lacks stops the adoption.
 *
 * <p>Without {@code sqitch} (or a driver) the tests are skipped with the command that installs it;
 * in CI ({@code CI} set) they fail instead.
 */
class SqitchProofTest {

    @TempDir
    Path dir;

    private Path project;
    private String mysqlRegistry;

    /** A copy of the fixture (a test may edit it); on MySQL with a registry of its own, as the server is shared. */
    private Path project(DialectId dialect) throws IOException {
        if (project == null) {
            project = dir.resolve("flipr");
            SqitchImportTest.copy(SqitchImportTest.FLIPR, project);
            if (dialect == DialectId.MYSQL) {
                mysqlRegistry = "sqitch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                String conf = Files.readString(project.resolve("sqitch.conf"));
                Files.writeString(project.resolve("sqitch.conf"), conf.replace("[engine \"mysql\"]",
                        "[engine \"mysql\"]\n\tregistry = " + mysqlRegistry));
            }
        }
        return project;
    }

    private Path importProject(DialectId dialect) throws IOException {
        Path changelog = dir.resolve("graft-" + UUID.randomUUID().toString().substring(0, 8) + "/changelog.yaml");
        Graft.importChangelog(new ImportRequest("sqitch", project(dialect), changelog, dialect, false, false));
        return changelog;
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void sqitchAndTheImportedChangelogBuildTheSameSchema(DialectId dialect) throws IOException {
        try (TestDatabase bySqitch = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            try {
                sqitch(bySqitch, "deploy");
                Path changelog = importProject(dialect);
                ImportManifest manifest = ImportManifest.read(changelog, "sqitch");
                assertThat(registry(bySqitch, "SELECT change_id, script_hash FROM %s.changes ORDER BY committed_at"))
                        .as("Sqitch's registry holds the change ids and script hashes the import computed")
                        .containsExactlyInAnyOrderElementsOf(manifest.revisions().stream()
                                .map(e -> List.of(e.extra().get("change_id"), e.checksum())).toList());
                assertThat(manifest.revisions()).extracting(e -> e.extra().get("change_id"))
                        .containsExactlyElementsOf(SqitchImportTest.CHANGE_IDS);
                try (Graft graft = graft(changelog, byGraft)) {
                    assertThat(graft.upgrade().steps()).extracting(s -> s.revisionId())
                            .containsExactlyElementsOf(SqitchImportTest.IDS);
                    String expected = schema(bySqitch);
                    assertThat(expected).contains("flips_view").contains("user_roles").contains("fullname");
                    assertThat(schema(byGraft)).isEqualTo(expected);

                    sqitch(bySqitch, "revert", "-y", "--to", "@v1.0");
                    assertThat(graft.downgrade("v1.0").steps()).extracting(s -> s.revisionId())
                            .containsExactly("seed_users", "flips_view", "flips_view_at_v1.1", "user_email");
                    String reverted = schema(bySqitch);
                    assertThat(reverted).doesNotContain("flips_view").doesNotContain("email");
                    assertThat(schema(byGraft)).isEqualTo(reverted);
                }
            } finally {
                dropMysqlRegistry(bySqitch);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDatabaseSqitchDeployedHalfwayIsAdoptedAndFinishedByGraft(DialectId dialect) throws IOException {
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            try {
                sqitch(full, "deploy");
                dropMysqlRegistry(full);
                sqitch(half, "deploy", "--to", "@v1.1");
                String query = "SELECT change_id, script_hash, " + (dialect == DialectId.MYSQL ? "`change`" : "change")
                        + ", committed_at FROM %s.changes ORDER BY committed_at";
                List<List<String>> before = registry(half, query);
                Path changelog = importProject(dialect);
                try (Graft graft = graft(changelog, half)) {
                    AdoptResult adopted = graft.adopt("sqitch");
                    assertThat(adopted.historyRows()).isEqualTo(4);
                    assertThat(adopted.run().steps()).extracting(s -> s.revisionId())
                            .containsExactly("users", "flips", "user_email", "flips_view_at_v1.1");
                    assertThat(adopted.run().current()).containsExactly("flips_view_at_v1.1");
                    assertThat(graft.adopt("sqitch").run().steps()).isEmpty();
                    RunResult up = graft.upgrade();
                    assertThat(up.steps()).extracting(s -> s.revisionId()).containsExactly("flips_view", "seed_users");
                    assertThat(graft.status().upToDate()).isTrue();
                }
                assertThat(schema(half)).isEqualTo(schema(full));
                assertThat(registry(half, query)).as("Sqitch's registry is left as it was").isEqualTo(before);
            } finally {
                dropMysqlRegistry(half);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void anEditedDeployScriptOrAChangeTheChangelogLacksStopsTheAdoption(DialectId dialect) throws IOException {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try {
                sqitch(db, "deploy");
                Path users = project(dialect).resolve("deploy/users.sql");
                String original = Files.readString(users);
                Files.writeString(users, original.replace("fullname  VARCHAR(100)", "fullname  VARCHAR(200)"));
                try (Graft graft = graft(importProject(dialect), db)) {
                    assertThatThrownBy(() -> graft.adopt("sqitch")).isInstanceOf(MigrationException.class)
                            .hasMessageStartingWith("Sqitch's registry row for change 'users' (change_id "
                                    + SqitchImportTest.CHANGE_IDS.get(0) + ", deployed ")
                            .hasMessageContaining("has script_hash 7b57cfab5f95a816c1b2abc6ff21b591f890ef39, but"
                                    + " deploy/users.sql had SHA-1 ")
                            .hasMessageContaining("the deploy script was edited after Sqitch deployed it");
                }
                assertThat(db.appliedIds()).isEmpty();

                Files.writeString(users, original);
                Path plan = project(dialect).resolve("sqitch.plan");
                String text = Files.readString(plan);
                Files.writeString(plan, text.substring(0, text.indexOf("seed_users [users]")));
                try (Graft graft = graft(importProject(dialect), db)) {
                    assertThatThrownBy(() -> graft.adopt("sqitch")).isInstanceOf(MigrationException.class)
                            .hasMessageStartingWith("Sqitch's registry row for change 'seed_users' (change_id "
                                    + SqitchImportTest.CHANGE_IDS.get(5))
                            .hasMessageContaining("names a change that the changelog does not have");
                }
                assertThat(db.appliedIds()).isEmpty();
            } finally {
                dropMysqlRegistry(db);
            }
        }
    }

    /**
     * The dump ({@link SchemaDump}), Sqitch's registry left out. On MariaDB a view also records the
     * character set of the client session that made it: Sqitch's {@code mysql} client runs with the
     * client's default ({@code utf8mb3} on Debian), Graft's driver with {@code utf8mb4}. That is
     * how each connects, not what the scripts made, so those three lines are left out too.
     */
    private static String schema(TestDatabase db) {
        return SchemaDump.of(db, "sqitch").replaceAll("(?m)^/\\*!50001 SET (character_set_client|character_set_results"
                + "|collation_connection) += \\w+ \\*/;\n", "");
    }

    /** Runs {@code sqitch COMMAND ARGS... TARGET} in the project on {@code db}; fails with its output if it fails. */
    private void sqitch(TestDatabase db, String command, String... args) throws IOException {
        String sqitch = installed(db.dialect());
        List<String> cmd = new ArrayList<>(List.of(sqitch, command));
        cmd.addAll(List.of(args));
        cmd.add(target(db));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project(db.dialect()).toFile()).redirectErrorStream(true);
        pb.environment().put("SQITCH_USER_CONFIG", dir.resolve("no-user.conf").toString());
        pb.environment().put("SQITCH_FULLNAME", "Graft Test");
        pb.environment().put("SQITCH_EMAIL", "graft@example.com");
        if (db.password() != null && !db.password().isEmpty()) {
            pb.environment().put(db.dialect() == DialectId.MYSQL ? "MYSQL_PWD" : "PGPASSWORD", db.password());
            pb.environment().put("SQITCH_PASSWORD", db.password());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + output);
        }
    }

    /** Sqitch's target URI for the test database. */
    private static String target(TestDatabase db) {
        if (db.dialect() == DialectId.SQLITE) {
            return "db:sqlite:" + db.url().substring("jdbc:sqlite:".length());
        }
        URI uri = URI.create(db.url().substring("jdbc:".length()).replaceAll("\\?.*", ""));
        String engine = db.dialect() == DialectId.POSTGRESQL ? "pg" : "mysql";
        int port = uri.getPort() > 0 ? uri.getPort() : db.dialect() == DialectId.POSTGRESQL ? 5432 : 3306;
        return "db:" + engine + "://" + db.user() + "@" + uri.getHost() + ":" + port + uri.getPath();
    }

    /** Registry rows as text; {@code %s} in the query stands for the registry's schema or database. */
    private List<List<String>> registry(TestDatabase db, String query) {
        String sql;
        String url;
        switch (db.dialect()) {
            case SQLITE -> {
                url = "jdbc:sqlite:" + SqitchAdoption.registryFile(Path.of(db.url().substring("jdbc:sqlite:".length())),
                        "sqitch");
                sql = query.replace("%s.", "");
            }
            case POSTGRESQL -> {
                url = db.url();
                sql = query.formatted("sqitch");
            }
            default -> {
                url = db.url();
                sql = query.formatted(mysqlRegistry);
            }
        }
        try (Connection c = db.user() == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, db.user(), db.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private void dropMysqlRegistry(TestDatabase db) {
        if (db.dialect() == DialectId.MYSQL && mysqlRegistry != null) {
            db.execute("DROP DATABASE IF EXISTS " + mysqlRegistry);
        }
    }

    /**
     * {@code sqitch}, when it and the dialect's Perl driver are installed; otherwise the test is
     * skipped with the command that installs them, or fails in CI.
     */
    static String installed(DialectId dialect) {
        String module = switch (dialect) {
            case POSTGRESQL -> "DBD::Pg";
            case SQLITE -> "DBD::SQLite";
            case MYSQL -> "DBD::mysql";
        };
        String pkg = switch (dialect) {
            case POSTGRESQL -> "libdbd-pg-perl";
            case SQLITE -> "libdbd-sqlite3-perl";
            case MYSQL -> "libdbd-mysql-perl";
        };
        String why = null;
        if (!onPath("sqitch")) {
            why = "sqitch is not installed (apt-get install -y sqitch)";
        } else if (!perlHas(module)) {
            why = "Perl's " + module + " is not installed, so sqitch cannot reach " + dialect.key() + " (apt-get install -y "
                    + pkg + ")";
        }
        if (why != null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(why + "; CI installs it in .ci/run");
            }
            Assumptions.abort(why);
        }
        return "sqitch";
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean perlHas(String module) {
        try {
            Process p = new ProcessBuilder("perl", "-M" + module, "-e", "1").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
