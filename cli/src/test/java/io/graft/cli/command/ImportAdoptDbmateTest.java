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
 * {@code graft import dbmate} and {@code graft adopt --from dbmate} as exact command lines. The
 * history here is written by the test as dbmate writes it (one row per applied version); the
 * engine's DbmateProofTest runs the real dbmate.
 */
class ImportAdoptDbmateTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private Path migrations;

    @BeforeEach
    void dbmateProject() throws IOException {
        cli = new CliRun(dir);
        migrations = dir.resolve("legacy/db/migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("20240101000000_users.sql"),
                "-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n\n-- migrate:down\nDROP TABLE users;\n");
        Files.writeString(migrations.resolve("20240102000000_posts.sql"), "-- migrate:up transaction:false\n"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, author TEXT);\n-- migrate:down transaction:false\n"
                + "DROP TABLE posts;\n");
        Files.writeString(migrations.resolve("20240103000000_tags.sql"),
                "-- migrate:up\nCREATE TABLE tags (id INTEGER PRIMARY KEY);\n-- migrate:down\nDROP TABLE tags;\n");
    }

    @Test
    void importAdoptAndUpFinishWhatDbmateBegan() throws Exception {
        CliRun.Result r = cli.run("import", "dbmate", "legacy", "--out", "changelog.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote changelog.yaml: 3 revisions, 6 SQL file(s) copied;"
                + " graft-import-dbmate.json maps them to the old tool's history.");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("  - id: \"20240102000000_posts\"\n")
                .contains("    transaction: false\n");
        dbmateHistory("20240101000000", "20240102000000");

        CliRun.Result adopt = cli.run("adopt", "--from", "dbmate");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("Read 2 row(s) of dbmate's history; recorded 2 revisions as applied, running"
                + " no SQL; current: 20240102000000_posts.");
        CliRun.Result json = cli.run("--format", "json", "adopt", "--from", "dbmate");
        assertThat(json.exitCode()).as(json.err()).isZero();
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("adopt", json.out());
        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("1 revision applied");
    }

    @Test
    void aFileDbmateWouldRefuseIsAnErrorAtItsLineWithExitTwo() throws Exception {
        Files.writeString(migrations.resolve("20240104000000_bad.sql"), "-- migrate:up\nSELECT 1;\n");
        CliRun.Result r = cli.run("import", "dbmate", "legacy");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("legacy/db/migrations/20240104000000_bad.sql:1:1: no '-- migrate:down' for this"
                + " '-- migrate:up': dbmate refuses this file too").contains("hint: add a '-- migrate:down' section");
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();
    }

    @Test
    void adoptRefusesAVersionTheChangelogLacksWithExitOne() throws Exception {
        assertThat(cli.run("import", "dbmate", "legacy").exitCode()).isZero();
        dbmateHistory("20240101000000", "20231231000000");
        CliRun.Result r = cli.run("adopt", "--from", "dbmate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("dbmate's history row version 20231231000000 in schema_migrations names a"
                + " migration that the changelog does not have");
    }

    /** dbmate's table with the versions it applied; the tables they created. */
    private void dbmateHistory(String... versions) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, author TEXT)");
            s.execute("CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version varchar(128) primary key)");
            for (String v : versions) {
                s.execute("INSERT INTO schema_migrations (version) VALUES ('" + v + "')");
            }
        }
    }
}
