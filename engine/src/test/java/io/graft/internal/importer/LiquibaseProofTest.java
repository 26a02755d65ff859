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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that switching from Liquibase changes nothing. Two fixture projects: {@code formatted}
 * (an XML master including formatted SQL changelogs: rollbacks as lines and as a block, a
 * {@code runOnChange} view, {@code CREATE INDEX CONCURRENTLY} with {@code runInTransaction:false}
 * for PostgreSQL and a plain index for the others through {@code dbms}, a changeset with a
 * context) and {@code yaml} (liquibase.properties naming a YAML master with {@code sql} and
 * {@code sqlFile} changes and an {@code includeAll} of a formatted SQL and an XML changelog, with
 * changes limited to a {@code dbms} and two changesets of the same id). Each is applied by the real
 * Liquibase (liquibase-core 4.33 through its Java API) and, imported, by Graft to a fresh
 * database: the schemas are the same, and Liquibase's {@code MD5SUM} and {@code FILENAME} are what
 * the import computed. A database Liquibase updated halfway is adopted and finished by
 * {@code graft up}; an edited changeset, a failed row and a held lock stop the adoption; an edited
 * {@code runOnChange} changeset is pending after adoption and applied by {@code graft up}.
 */
class LiquibaseProofTest {

    static final Path FIXTURES = Path.of("src/test/resources/import/liquibase");

    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("liquibase");

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        QUIET.setLevel(java.util.logging.Level.WARNING);
    }

    @TempDir
    Path dir;

    /** A fixture, its master changelog as Liquibase is given it, and how many changesets it runs per dialect. */
    record Fixture(String name, String master) {
    }

    static final Fixture FORMATTED = new Fixture("formatted", "db.changelog-master.xml");
    static final Fixture YAML = new Fixture("yaml", "db/changelog/db.changelog-master.yaml");

    static Stream<Arguments> everyFixtureOnEveryDialect() {
        List<Arguments> out = new ArrayList<>();
        for (Fixture f : List.of(FORMATTED, YAML)) {
            for (DialectId d : DialectId.values()) {
                out.add(Arguments.of(f.name(), d));
            }
        }
        return out.stream();
    }

    private static Fixture fixture(String name) {
        return name.equals(FORMATTED.name()) ? FORMATTED : YAML;
    }

    /** A copy of the fixture, so that a test may edit it. */
    private Path project(Fixture fixture) throws IOException {
        Path project = dir.resolve(fixture.name());
        if (!Files.exists(project)) {
            Path from = FIXTURES.resolve(fixture.name());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path to = project.resolve(from.relativize(p).toString());
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

    /** Runs Liquibase's update (all changesets, or the first {@code count}) with the project folder as its search path. */
    private void liquibase(TestDatabase db, Fixture fixture, Integer count) throws Exception {
        liquibase(db, fixture, count, null, null);
    }

    private void liquibase(TestDatabase db, Fixture fixture, Integer count, String table, String lockTable)
            throws Exception {
        Connection c = db.user() == null ? DriverManager.getConnection(db.url())
                : DriverManager.getConnection(db.url(), db.user(), db.password());
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        if (table != null) {
            database.setDatabaseChangeLogTableName(table);
            database.setDatabaseChangeLogLockTableName(lockTable);
        }
        // Liquibase's summaries go to the log, not to the build's output
        Scope.child(Map.<String, Object>of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
            try (Liquibase liquibase = new Liquibase(fixture.master(), new DirectoryResourceAccessor(project(fixture)),
                    database)) {
                if (count == null) {
                    liquibase.update(new Contexts(), new LabelExpression());
                } else {
                    liquibase.update(count, new Contexts(), new LabelExpression());
                }
            }
        });
    }

    private Path importProject(Fixture fixture) throws IOException {
        Path out = dir.resolve("graft-" + fixture.name());
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path changelog = out.resolve("changelog.yaml");
        Graft.importChangelog(new ImportRequest("liquibase", project(fixture), changelog, null, false, false));
        return changelog;
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    private static String schema(TestDatabase db) {
        return SchemaDump.of(db, "databasechangelog");
    }

    private static String historyTable(TestDatabase db) {
        return db.dialect() == DialectId.POSTGRESQL ? "databasechangelog" : "DATABASECHANGELOG";
    }

    /** The tables' names as the catalog spells them. */
    private static List<String> catalogNames(TestDatabase db) {
        String sql = switch (db.dialect()) {
            case POSTGRESQL -> "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
            case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'table'";
            case MYSQL -> "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
        };
        return db.query(sql).stream().map(r -> r.values().iterator().next().toString()).toList();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyFixtureOnEveryDialect")
    void liquibaseAndTheImportedChangelogBuildTheSameSchema(String name, DialectId dialect) throws Exception {
        Fixture fixture = fixture(name);
        try (TestDatabase byLiquibase = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            liquibase(byLiquibase, fixture, null);
            assertThat(catalogNames(byLiquibase)).as("Liquibase's tables, named as Liquibase names them on " + dialect)
                    .contains(historyTable(byLiquibase), historyTable(byLiquibase) + (dialect == DialectId.POSTGRESQL
                            ? "lock" : "LOCK"));
            Path changelog = importProject(fixture);
            try (Graft graft = graft(changelog, byGraft)) {
                RunResult up = graft.upgrade();
                assertThat(up.steps()).isNotEmpty();
                assertThat(graft.status().upToDate()).isTrue();
            }
            String expected = schema(byLiquibase);
            assertThat(expected).contains(fixture == FORMATTED ? "customer_orders" : "product_stock");
            assertThat(schema(byGraft)).isEqualTo(expected);

            // Liquibase's key and checksum of every changeset it ran are the ones the import recorded
            ImportManifest manifest = ImportManifest.read(changelog, "liquibase");
            List<Map<String, Object>> rows = byLiquibase.query("SELECT ID, AUTHOR, FILENAME, MD5SUM FROM "
                    + historyTable(byLiquibase) + " ORDER BY ORDEREXECUTED");
            assertThat(rows).isNotEmpty();
            for (Map<String, Object> row : rows) {
                String id = value(row, "ID");
                String file = value(row, "FILENAME");
                ImportManifest.Entry entry = manifest.revisions().stream()
                        .filter(e -> id.equals(e.extra().get("id")) && file.equals(e.extra().get("filename")))
                        .findFirst().orElseThrow(() -> new AssertionError("no revision for " + row + " in " + manifest));
                assertThat(entry.extra().get("author")).isEqualTo(value(row, "AUTHOR"));
                assertThat(entry.extra().getOrDefault("md5sum." + dialect.key(), entry.checksum()))
                        .as("MD5SUM of " + row).isEqualTo(value(row, "MD5SUM"));
            }
            try (Graft graft = graft(changelog, byLiquibase)) {
                AdoptResult adopted = graft.adopt("liquibase");
                assertThat(adopted.historyRows()).isEqualTo(rows.size());
                assertThat(adopted.pending()).isEmpty();
                assertThat(graft.upgrade().steps()).as("nothing left after adopting a full Liquibase run").isEmpty();
            }
            assertThat(schema(byLiquibase)).isEqualTo(expected);
        }
    }

    private static String value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue() == null ? null : e.getValue().toString();
            }
        }
        throw new AssertionError("no column " + column + " in " + row);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyFixtureOnEveryDialect")
    void aDatabaseLiquibaseUpdatedHalfwayIsAdoptedAndFinishedByGraft(String name, DialectId dialect) throws Exception {
        Fixture fixture = fixture(name);
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            liquibase(full, fixture, null);
            liquibase(half, fixture, fixture == FORMATTED ? 4 : 3);
            List<Map<String, Object>> liquibaseRows = half.query("SELECT * FROM " + historyTable(half)
                    + " ORDER BY ORDEREXECUTED");
            Path changelog = importProject(fixture);
            try (Graft graft = graft(changelog, half)) {
                AdoptResult adopted = graft.adopt("liquibase");
                assertThat(adopted.historyRows()).isEqualTo(fixture == FORMATTED ? 4 : 3);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId()).containsExactlyElementsOf(
                        fixture == FORMATTED ? List.of("1", "2", "add_notes", "customer_orders_view")
                                : List.of("create_products", "create_stock", "001_price.1"));
                assertThat(graft.adopt("liquibase").run().steps()).isEmpty();
                RunResult up = graft.upgrade();
                assertThat(up.steps()).extracting(s -> s.revisionId()).containsExactlyElementsOf(fixture == FORMATTED
                        ? List.of("index_orders_concurrently", "index_orders", "seed")
                        : List.of("002_objects.1", "stock_view"));
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(schema(half)).isEqualTo(schema(full));
            assertThat(half.query("SELECT * FROM " + historyTable(half) + " ORDER BY ORDEREXECUTED"))
                    .as("Liquibase's table is left as it was").isEqualTo(liquibaseRows);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"SQLITE", "POSTGRESQL", "MYSQL"})
    void anEditedChangesetAFailedRowAndAHeldLockStopTheAdoption(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            liquibase(db, FORMATTED, 2);
            Path file = project(FORMATTED).resolve("sql/001_customers.sql");
            String original = Files.readString(file);
            Files.writeString(file, original.replace("name VARCHAR(100) NOT NULL", "name VARCHAR(200) NOT NULL"));
            try (Graft graft = graft(importProject(FORMATTED), db)) {
                assertThatThrownBy(() -> graft.adopt("liquibase")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Liquibase's history row (ID '1', AUTHOR 'alice', FILENAME"
                                + " 'sql/001_customers.sql', ORDEREXECUTED 1) has MD5SUM 9:")
                        .hasMessageContaining("the changeset was edited after Liquibase applied it");
            }
            assertThat(db.appliedIds()).isEmpty();
            Files.writeString(file, original);
            String table = historyTable(db);
            db.execute("UPDATE " + table + " SET EXECTYPE = 'FAILED' WHERE ID = '2'");
            try (Graft graft = graft(importProject(FORMATTED), db)) {
                assertThatThrownBy(() -> graft.adopt("liquibase")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Liquibase's history row (ID '2', AUTHOR 'alice', FILENAME"
                                + " 'sql/001_customers.sql', ORDEREXECUTED 2) is FAILED");
            }
            db.execute("UPDATE " + table + " SET EXECTYPE = 'EXECUTED' WHERE ID = '2'");
            db.execute("UPDATE " + table + "LOCK SET LOCKED = " + (dialect == DialectId.POSTGRESQL ? "true" : "1")
                    + ", LOCKEDBY = 'ci-runner-7'");
            try (Graft graft = graft(importProject(FORMATTED), db)) {
                assertThatThrownBy(() -> graft.adopt("liquibase")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Liquibase's lock table").hasMessageContaining("ci-runner-7");
            }
            assertThat(db.appliedIds()).isEmpty();
            db.execute("UPDATE " + table + "LOCK SET LOCKED = " + (dialect == DialectId.POSTGRESQL ? "false" : "0"));
            db.execute("DELETE FROM " + table + " WHERE ID = '2'");
            db.execute("INSERT INTO " + table + " (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE)"
                    + " VALUES ('gone', 'eve', 'sql/old.sql', CURRENT_TIMESTAMP, 9, 'EXECUTED')");
            try (Graft graft = graft(importProject(FORMATTED), db)) {
                assertThatThrownBy(() -> graft.adopt("liquibase")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Liquibase's history row (ID 'gone', AUTHOR 'eve', FILENAME"
                                + " 'sql/old.sql', ORDEREXECUTED 9) names a changeset that the changelog does not have");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void anEditedRunOnChangeChangesetIsPendingAfterAdoptionAndGraftUpAppliesIt(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            liquibase(db, FORMATTED, null);
            Path file = project(FORMATTED).resolve("sql/002_orders.sql");
            Files.writeString(file, Files.readString(file).replace("COUNT(o.id) AS orders",
                    "COUNT(o.id) AS orders, MAX(o.total) AS biggest"));
            try (Graft graft = graft(importProject(FORMATTED), db)) {
                AdoptResult adopted = graft.adopt("liquibase");
                assertThat(adopted.pending()).containsExactly("customer_orders_view");
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId())
                        .doesNotContain("customer_orders_view").contains("1", "seed");
                assertThat(graft.upgrade().steps()).extracting(s -> s.revisionId())
                        .containsExactly("customer_orders_view");
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(db.columns("customer_orders")).contains("biggest");
            try (TestDatabase byLiquibase = TestDatabase.create(dialect)) {
                liquibase(byLiquibase, FORMATTED, null);
                assertThat(schema(db)).isEqualTo(schema(byLiquibase));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void tablesNamedInLiquibasePropertiesAreTheOnesAdoptionReads(DialectId dialect) throws Exception {
        Path properties = project(FORMATTED).resolve("liquibase.properties");
        Files.writeString(properties, "changeLogFile=db.changelog-master.xml\ndatabaseChangeLogTableName=SCHEMA_LOG\n"
                + "databaseChangeLogLockTableName=SCHEMA_LOG_LOCK\n");
        try (TestDatabase db = TestDatabase.create(dialect)) {
            liquibase(db, FORMATTED, 2, "SCHEMA_LOG", "SCHEMA_LOG_LOCK");
            boolean lower = dialect == DialectId.POSTGRESQL;
            assertThat(catalogNames(db)).contains(lower ? "schema_log" : "SCHEMA_LOG",
                    lower ? "schema_log_lock" : "SCHEMA_LOG_LOCK").doesNotContain("databasechangelog", "DATABASECHANGELOG");
            Path changelog = importProject(FORMATTED);
            assertThat(ImportManifest.read(changelog, "liquibase").table()).isEqualTo("SCHEMA_LOG");
            db.execute("UPDATE " + (lower ? "schema_log_lock" : "SCHEMA_LOG_LOCK") + " SET LOCKED = "
                    + (lower ? "true" : "1") + ", LOCKEDBY = 'deploy-42'");
            try (Graft graft = graft(changelog, db)) {
                assertThatThrownBy(() -> graft.adopt("liquibase")).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("is locked (by deploy-42");
            }
            db.execute("UPDATE " + (lower ? "schema_log_lock" : "SCHEMA_LOG_LOCK") + " SET LOCKED = "
                    + (lower ? "false" : "0"));
            try (Graft graft = graft(changelog, db)) {
                assertThat(graft.adopt("liquibase").run().steps()).extracting(s -> s.revisionId())
                        .containsExactly("1", "2");
            }
        }
    }
}
