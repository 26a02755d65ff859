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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft import liquibase} and {@code graft adopt --from liquibase} as exact command lines,
 * their messages and exit codes. {@code DATABASECHANGELOG} is written here by the test, row by row
 * as Liquibase writes it; the engine's LiquibaseProofTest runs the real Liquibase.
 */
class LiquibaseImportAdoptCommandsTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private Path project;

    @BeforeEach
    void liquibaseProject() throws IOException {
        cli = new CliRun(dir);
        project = dir.resolve("legacy");
        Files.createDirectories(project.resolve("changes"));
        Files.writeString(project.resolve("liquibase.properties"), "changeLogFile: changelog.xml\n");
        Files.writeString(project.resolve("changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <include file="changes/users.sql" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        Files.writeString(project.resolve("changes/users.sql"), """
                --liquibase formatted sql

                --changeset ann:1
                CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
                --rollback DROP TABLE users;

                --changeset ann:2
                CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT);
                --rollback DROP TABLE posts;

                --changeset ann:names-view runOnChange:true
                DROP VIEW IF EXISTS names;
                CREATE VIEW names AS SELECT name FROM users;
                """);
    }

    @Test
    void importWritesTheChangelogAndAdoptRecordsWhatLiquibaseApplied() throws Exception {
        CliRun.Result r = cli.run("import", "liquibase", "legacy");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote changelog.yaml: 3 revisions (1 repeatable)")
                .contains("graft-import-liquibase.json maps them to the old tool's history.");
        assertThat(cli.run("validate").exitCode()).isZero();
        CliRun.Result json = cli.run("--format", "json", "import", "liquibase", "legacy", "--out", "json/changelog.yaml");
        assertThat(json.exitCode()).as(json.err()).isZero();
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("import", json.out());

        liquibaseHistory("1", false);
        CliRun.Result adopt = cli.run("adopt", "--from", "liquibase");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("Read 1 row(s) of liquibase's history; recorded 1 revision as applied,"
                + " running no SQL; current: 1.");
        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("2 revisions applied");
        JsonNode status = new ObjectMapper().readTree(cli.run("--format", "json", "status").out());
        assertThat(status.get("up_to_date").asBoolean()).isTrue();
    }

    @Test
    void adoptRefusesAnEditedChangesetNamingTheRowWithExitOne() throws Exception {
        assertThat(cli.run("import", "liquibase", "legacy").exitCode()).isZero();
        liquibaseHistory("1", true);
        CliRun.Result r = cli.run("adopt", "--from", "liquibase");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("Liquibase's history row (ID '1', AUTHOR 'ann', FILENAME 'changes/users.sql',"
                + " ORDEREXECUTED 1) has MD5SUM 9:0000").contains("edited after Liquibase applied it");
    }

    @Test
    void importRefusesAPreconditionAtItsLineWithExitTwo() throws IOException {
        Path users = project.resolve("changes/users.sql");
        Files.writeString(users, Files.readString(users).replace("--changeset ann:2\n",
                "--changeset ann:2\n--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM posts\n"));
        CliRun.Result r = cli.run("import", "liquibase", "legacy");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("legacy/changes/users.sql:8:1: changeset 2 has a precondition")
                .contains("hint: remove it");
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();
        CliRun.Result skipped = cli.run("import", "liquibase", "legacy", "--skip-unsupported");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("note: ").contains("changeset 2 has a precondition");
    }

    /** The tables and rows Liquibase writes after running changeset 1 (its checksum edited when {@code edited}). */
    private void liquibaseHistory(String id, boolean edited) throws IOException, SQLException {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("graft-import-liquibase.json").toFile());
        JsonNode entry = manifest.get("revisions").get(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,"
                    + " FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TEXT NOT NULL, ORDEREXECUTED INTEGER NOT NULL,"
                    + " EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255),"
                    + " COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255),"
                    + " LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))");
            s.execute("CREATE TABLE DATABASECHANGELOGLOCK (ID INTEGER NOT NULL PRIMARY KEY, LOCKED BOOLEAN NOT NULL,"
                    + " LOCKGRANTED TEXT, LOCKEDBY VARCHAR(255))");
            s.execute("INSERT INTO DATABASECHANGELOGLOCK VALUES (1, 0, NULL, NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME,"
                    + " DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, LIQUIBASE, DEPLOYMENT_ID)"
                    + " VALUES (?, ?, ?, '2026-01-01 10:00:00', 1, 'EXECUTED', ?, 'sql', '4.33.0', '1234567890')")) {
                ps.setString(1, id);
                ps.setString(2, entry.get("extra").get("author").asText());
                ps.setString(3, entry.get("extra").get("filename").asText());
                ps.setString(4, edited ? "9:00000000000000000000000000000000" : entry.get("checksum").asText());
                ps.executeUpdate();
            }
        }
    }
}
