package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code graft import golang-migrate|popx} and {@code graft adopt --from golang-migrate|popx} as
 * exact command lines, their messages and exit codes. The other tools' tables are written by the
 * test as those tools write them; the engine's GolangMigrateProofTest and PopxProofTest apply
 * the migrations with re-implementations of the tools' apply loops.
 */
class GoToolsImportAdoptCommandsTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private Path migrations;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRun(dir);
        migrations = dir.resolve("migrations");
        Files.createDirectories(migrations);
    }

    private void golangMigrateProject() throws IOException {
        Files.writeString(migrations.resolve("000001_users.up.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        Files.writeString(migrations.resolve("000001_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(migrations.resolve("000002_posts.up.sql"), "CREATE TABLE posts (id INTEGER PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("000010_tags.up.sql"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("000010_tags.down.sql"), "DROP TABLE tags;\n");
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void golangMigrateImportAdoptAndUp() throws Exception {
        golangMigrateProject();
        CliRun.Result r = cli.run("import", "golang-migrate", "migrations", "--out", "changelog.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote changelog.yaml: 3 revisions").contains("graft-import-golang-migrate.json");
        assertThat(cli.run("heads").out()).startsWith("000010_tags");

        sql("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)", "CREATE TABLE posts (id INTEGER PRIMARY KEY)",
                "CREATE TABLE schema_migrations (version uint64,dirty bool)",
                "CREATE UNIQUE INDEX version_unique ON schema_migrations (version)",
                "INSERT INTO schema_migrations (version, dirty) VALUES (2, 0)");
        CliRun.Result adopt = cli.run("adopt", "--from", "golang-migrate");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("recorded 2 revisions as applied, running no SQL; current: 000002_posts.");
        JsonNode json = new ObjectMapper().readTree(cli.run("--format", "json", "adopt", "--from", "golang-migrate").out());
        assertThat(json.get("tool").asText()).isEqualTo("golang-migrate");
        assertThat(json.get("history_rows").asInt()).isEqualTo(1);
        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("1 revision applied");
    }

    @Test
    void golangMigrateRefusalsWithTheirExitCodes() throws Exception {
        golangMigrateProject();
        Files.writeString(migrations.resolve("000003_half.up.sql"), "CREATE TABLE a (id INTEGER);\nCOMMIT;\n"
                + "CREATE TABLE b (id INTEGER);\n");
        CliRun.Result r = cli.run("import", "golang-migrate", "migrations");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("migrations/000003_half.up.sql:2:1: 'COMMIT' controls the transaction inside the"
                + " file").contains("hint: split the file into migrations at this line");
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();

        Files.delete(migrations.resolve("000003_half.up.sql"));
        assertThat(cli.run("import", "golang-migrate", "migrations").exitCode()).isZero();
        sql("CREATE TABLE schema_migrations (version uint64,dirty bool)",
                "INSERT INTO schema_migrations (version, dirty) VALUES (2, 1)");
        CliRun.Result dirty = cli.run("adopt", "--from", "golang-migrate");
        assertThat(dirty.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(dirty.err()).contains("golang-migrate left version 2 dirty").contains("'migrate force 1'");
    }

    @Test
    void popxImportAdoptAndUp() throws Exception {
        Files.writeString(migrations.resolve("20240101000001000000_users.up.sql"),
                "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        Files.writeString(migrations.resolve("20240101000001000000_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(migrations.resolve("20240101000002000000_posts.sqlite3.up.sql"),
                "CREATE TABLE posts (id INTEGER PRIMARY KEY AUTOINCREMENT);\n");
        Files.writeString(migrations.resolve("20240101000002000000_posts.postgres.up.sql"),
                "CREATE TABLE posts (id SERIAL PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("20240101000002000000_posts.down.sql"), "DROP TABLE posts;\n");
        Files.writeString(migrations.resolve("20240101000003000000_idx.sqlite3.autocommit.up.sql"),
                "CREATE INDEX users_name ON users (name);\n");
        Files.writeString(migrations.resolve("20240101000003000000_idx.down.sql"), "");

        CliRun.Result r = cli.run("import", "popx", "migrations");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 revisions").contains("graft-import-popx.json");
        assertThat(r.err()).contains("migration 20240101000003000000 has files for sqlite3 only");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("      postgresql: \"sql/"
                + "20240101000002000000_posts.postgres.up.sql\"").contains("transaction: false");

        sql("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE schema_migration (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0)",
                "INSERT INTO schema_migration (version) VALUES ('20240101000001000000')");
        CliRun.Result adopt = cli.run("adopt", "--from", "popx");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("Read 1 row(s) of popx's history; recorded 1 revision");
        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("2 revisions applied");

        sql("INSERT INTO schema_migration (version) VALUES ('20991231000000000000')");
        CliRun.Result unknown = cli.run("adopt", "--from", "popx");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("(version = 20991231000000000000) names a migration that the changelog does"
                + " not have");
    }

    @Test
    void popxTemplateIsRefusedAtItsLineWithExitTwo() throws Exception {
        Files.writeString(migrations.resolve("20240101000001000000_users.up.sql"),
                "CREATE TABLE users (id INTEGER PRIMARY KEY);\n{{ if .IsSQLite }}SELECT 1;{{ end }}\n");
        Files.writeString(migrations.resolve("20240101000001000000_users.down.sql"), "DROP TABLE users;\n");
        CliRun.Result r = cli.run("import", "popx", "migrations");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("migrations/20240101000001000000_users.up.sql:2:1: popx runs"
                + " 20240101000001000000_users.up.sql through Go's text/template");
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();
    }
}
