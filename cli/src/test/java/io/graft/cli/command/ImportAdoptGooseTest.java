package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft import goose} and {@code graft adopt --from goose} as exact command lines. The
 * history here is written by the test as goose writes it on SQLite ({@code goose_db_version} with
 * its first row of version 0); the engine's GooseProofTest runs a re-implementation of goose.
 */
class ImportAdoptGooseTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private Path migrations;

    @BeforeEach
    void gooseProject() throws IOException {
        cli = new CliRun(dir);
        migrations = dir.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("00001_users.sql"), "-- +goose Up\n"
                + "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n\n-- +goose Down\nDROP TABLE users;\n");
        Files.writeString(migrations.resolve("00002_posts.sql"), "-- +goose NO TRANSACTION\n-- +goose Up\n"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, author TEXT);\n-- +goose Down\nDROP TABLE posts;\n");
        Files.writeString(migrations.resolve("20240103000000_touch.sql"), "-- +goose Up\n-- +goose StatementBegin\n"
                + "CREATE TRIGGER posts_touch AFTER INSERT ON posts BEGIN\n  UPDATE posts SET author = 'x';\nEND;\n"
                + "-- +goose StatementEnd\n-- +goose Down\nDROP TRIGGER posts_touch;\n");
    }

    @Test
    void importAdoptAndUpFinishWhatGooseBegan() throws Exception {
        CliRun.Result r = cli.run("import", "goose", "migrations", "--out", "changelog.yaml", "--dialect", "sqlite");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote changelog.yaml: 3 revisions, 6 SQL file(s) copied;"
                + " graft-import-goose.json maps them to the old tool's history.");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("  - id: \"00002_posts\"\n")
                .contains("    transaction: false\n");
        gooseHistory(1, 2);

        CliRun.Result adopt = cli.run("adopt", "--from", "goose");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("Read 3 row(s) of goose's history; recorded 2 revisions as applied, running"
                + " no SQL; current: 00002_posts.");
        CliRun.Result json = cli.run("--format", "json", "adopt", "--from", "goose");
        assertThat(json.exitCode()).as(json.err()).isZero();
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("adopt", json.out());
        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("1 revision applied");
    }

    @Test
    void aGoMigrationIsUnsupportedWithExitTwoUnlessSkipped() throws Exception {
        Files.writeString(migrations.resolve("00004_backfill.go"), "package migrations\n");
        CliRun.Result r = cli.run("import", "goose", "migrations");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("migrations/00004_backfill.go: 00004_backfill.go is a Go migration")
                .contains("hint: rewrite it as 00004_backfill.sql");
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();
        CliRun.Result skipped = cli.run("import", "goose", "migrations", "--skip-unsupported");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("3 revisions");
    }

    @Test
    void adoptRefusesAVersionTheChangelogLacksWithExitOne() throws Exception {
        assertThat(cli.run("import", "goose", "migrations").exitCode()).isZero();
        gooseHistory(1, 4);
        CliRun.Result r = cli.run("adopt", "--from", "goose");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("goose's row in \"goose_db_version\" (id = 3, version_id = 4, is_applied = true)"
                + " names version 4, a migration that the changelog does not have");
    }

    /** goose's table as goose creates it on SQLite, with the versions it applied; the tables they created. */
    private void gooseHistory(long... versions) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, author TEXT)");
            s.execute("CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL,"
                    + " is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))");
            s.execute("INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, 1)");
            for (long v : versions) {
                s.execute("INSERT INTO goose_db_version (version_id, is_applied) VALUES (" + v + ", 1)");
            }
        }
    }
}
