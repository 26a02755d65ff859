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
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that switching from Flyway changes nothing: the shop fixture (versions 1, 1.1, 1.9,
 * 1.10 with an undo, a non-transactional script, placeholders, a repeatable view) applied by the
 * real Flyway (flyway-core through its Java API) and the imported changelog applied by Graft give
 * the same schema; a database that Flyway migrated halfway is adopted and finished by
 * {@code graft up} into that same schema; an edited file and a failed row stop the adoption.
 */
class FlywayProofTest {

    @TempDir
    Path dir;

    private Path project;

    /** A copy of the fixture, so that a test may edit it. */
    private Path project() throws IOException {
        if (project == null) {
            project = dir.resolve("shop");
            try (Stream<Path> files = Files.walk(FlywayImportTest.SHOP)) {
                for (Path p : files.toList()) {
                    Path to = project.resolve(FlywayImportTest.SHOP.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        return project;
    }

    /** Flyway configured from the project's own flyway.conf, its location made absolute. */
    private Flyway flyway(TestDatabase db, String target) throws IOException {
        Properties conf = new Properties();
        try (Reader in = Files.newBufferedReader(project().resolve("flyway.conf"), StandardCharsets.UTF_8)) {
            conf.load(in);
        }
        conf.setProperty("flyway.locations", "filesystem:" + project().resolve("sql").toAbsolutePath());
        var config = Flyway.configure().configuration(conf).dataSource(db.url(), db.user(), db.password());
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private Path importProject() throws IOException {
        Path changelog = dir.resolve("graft/changelog.yaml");
        Graft.importChangelog(new ImportRequest("flyway", project(), changelog, null, false, false));
        return changelog;
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void flywayAndTheImportedChangelogBuildTheSameSchema(DialectId dialect) throws IOException {
        try (TestDatabase byFlyway = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            assertThat(flyway(byFlyway, null).migrate().migrationsExecuted).isEqualTo(7);
            Path changelog = importProject();
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.upgrade().steps()).hasSize(7);
            }
            String expected = schema(byFlyway);
            assertThat(expected).contains("customer_orders").contains("audit_log").contains("orders_customer");
            assertThat(schema(byGraft)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDatabaseFlywayMigratedHalfwayIsAdoptedAndFinishedByGraft(DialectId dialect) throws IOException {
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            flyway(full, null).migrate();
            flyway(half, "1.9").migrate();
            List<Object> flywayRows = rows(half, "SELECT * FROM flyway_schema_history ORDER BY installed_rank");
            Path changelog = importProject();
            try (Graft graft = graft(changelog, half)) {
                AdoptResult adopted = graft.adopt("flyway");
                assertThat(adopted.historyRows()).isEqualTo(4);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId()).containsExactly(
                        "V1__create_customers", "V1.1__create_orders", "V1.9__audit", "R__customer_orders_view");
                assertThat(adopted.run().current()).containsExactly("V1.9__audit");
                assertThat(graft.adopt("flyway").run().steps()).isEmpty();
                RunResult up = graft.upgrade();
                assertThat(up.steps()).extracting(s -> s.revisionId())
                        .containsExactly("V1.10__order_notes", "V2__index_orders", "V3__seed");
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(schema(half)).isEqualTo(schema(full));
            assertThat(rows(half, "SELECT * FROM flyway_schema_history ORDER BY installed_rank"))
                    .as("Flyway's table is left as it was").isEqualTo(flywayRows);
            assertThat(rows(half, "SELECT operation, revision_id, error FROM graft_log ORDER BY id").get(0).toString())
                    .contains("stamp").contains("V1__create_customers").contains("adopted from flyway");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"SQLITE", "POSTGRESQL"})
    void aFileEditedAfterFlywayAppliedItOrAFailedRowStopsTheAdoption(DialectId dialect) throws IOException {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            flyway(db, "1.9").migrate();
            Files.writeString(project().resolve("sql/V1__create_customers.sql"),
                    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n");
            Path changelog = importProject();
            try (Graft graft = graft(changelog, db)) {
                assertThatThrownBy(() -> graft.adopt("flyway")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Flyway's history row installed_rank 1 (version 1, 'create customers',"
                                + " V1__create_customers.sql) has checksum ")
                        .hasMessageContaining("the file was edited after Flyway applied it");
                assertThat(db.tables()).noneMatch(t -> t.startsWith("graft_revisions") && !db.appliedIds().isEmpty());
            }
            db.execute("UPDATE flyway_schema_history SET success = " + (dialect == DialectId.POSTGRESQL ? "false" : "0")
                    + " WHERE installed_rank = 3");
            Files.copy(FlywayImportTest.SHOP.resolve("sql/V1__create_customers.sql"),
                    project().resolve("sql/V1__create_customers.sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.walk(dir.resolve("graft")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            try (Graft graft = graft(importProject(), db)) {
                assertThatThrownBy(() -> graft.adopt("flyway")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Flyway's history row installed_rank 3 (version 1.9, 'audit',"
                                + " V1_9__audit.sql) failed (success = false)");
            }
            assertThat(db.appliedIds()).isEmpty();
        }
    }

    /** The schema as the database's own dump tool writes it, without Graft's and Flyway's history tables. */
    static String schema(TestDatabase db) {
        return SchemaDump.of(db, "flyway_");
    }

    private static List<Object> rows(TestDatabase db, String sql) {
        try (Connection c = db.connect()) {
            return rows(c, sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Object> rows(Connection c, String sql) throws SQLException {
        List<Object> rows = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new java.util.ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
