package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.ImportResult;
import io.graft.Problem;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft import liquibase} without a database: the formatted SQL reader, includes and
 * includeAll in Liquibase's order, ids, checksums, dbms, and the constructs that are refused.
 * (That the checksums and FILENAMEs are Liquibase's own is proven against the real Liquibase in
 * {@link LiquibaseProofTest}.)
 */
class LiquibaseImportTest {

    static final Path FIXTURES = Path.of("src/test/resources/import/liquibase");

    @TempDir
    Path dir;

    private static ImportResult importProject(Path from, Path out, DialectId dialect, boolean skip) {
        return Graft.importChangelog(new ImportRequest("liquibase", from, out, dialect, false, skip));
    }

    private List<Revision> revisions(Path changelog) {
        try (Graft graft = Graft.builder().changelog(changelog).build()) {
            Changelog c = graft.validate();
            return c.revisions();
        }
    }

    @Test
    void checksumsAreLiquibasesVersion9Md5sums() {
        // the blanks of the SQL do not count; each change is '9:<md5>:' in the changeset's checksum
        String one = LiquibaseChecksum.of(List.of("CREATE TABLE a (id INT);"));
        assertThat(one).startsWith("9:").hasSize(34);
        assertThat(LiquibaseChecksum.of(List.of("CREATE  TABLE a\r\n(id INT);\n"))).isEqualTo(one);
        assertThat(LiquibaseChecksum.of(List.of("CREATE TABLE a (id BIGINT);"))).isNotEqualTo(one);
        assertThat(LiquibaseChecksum.of(List.of("CREATE TABLE a (id INT);", ""))).isNotEqualTo(one);
    }

    @Test
    void theFormattedProjectBecomesALineWithARepeatableViewAndPerDialectIndexes() throws IOException {
        Path changelog = dir.resolve("changelog.yaml");
        ImportResult result = importProject(FIXTURES.resolve("formatted"), changelog, null, false);
        assertThat(result.revisions()).isEqualTo(7);
        assertThat(result.repeatable()).isEqualTo(1);
        assertThat(result.notes()).extracting(Problem::message)
                .anyMatch(m -> m.startsWith("changeset seed has a context or labels"));
        List<Revision> revisions = revisions(changelog);
        assertThat(revisions).extracting(Revision::id).containsExactly("1", "2", "add_notes", "customer_orders_view",
                "index_orders_concurrently", "index_orders", "seed");
        assertThat(revisions).extracting(r -> r.parents().isEmpty() ? "-" : r.parents().get(0)).containsExactly("-",
                "1", "2", "add_notes", "add_notes", "index_orders_concurrently", "index_orders");
        assertThat(revisions.get(0).description()).isEqualTo("customers and their orders");
        assertThat(revisions.get(3).repeatable()).isTrue();
        assertThat(revisions.get(4).transactional()).isFalse();
        assertThat(revisions.stream().filter(r -> r.down() != null)).extracting(Revision::id)
                .containsExactly("1", "2", "add_notes", "customer_orders_view", "index_orders_concurrently", "seed");
        assertThat(Files.readString(dir.resolve("sql/2.sql"))).startsWith("-- every order belongs to a customer\n"
                + "CREATE TABLE orders (");
        assertThat(Files.readString(dir.resolve("sql/2.down.sql"))).isEqualTo("DROP TABLE orders;\n");
        assertThat(Files.readString(dir.resolve("sql/1.down.sql"))).isEqualTo("DROP TABLE customers;\n");
        assertThat(Files.readString(dir.resolve("sql/index_orders_concurrently.postgresql.sql")))
                .isEqualTo("CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);\n");
        assertThat(Files.readString(dir.resolve("sql/index_orders_concurrently.sqlite.sql")))
                .startsWith("-- Liquibase skips changeset index-orders-concurrently::bob::sql/002_orders.sql on sqlite");

        ImportManifest manifest = ImportManifest.read(changelog, "liquibase");
        assertThat(manifest.table()).isEqualTo("DATABASECHANGELOG");
        ImportManifest.Entry first = manifest.revisions().get(0);
        assertThat(first.extra()).containsEntry("id", "1").containsEntry("author", "alice")
                .containsEntry("filename", "sql/001_customers.sql");
        assertThat(first.checksum()).startsWith("9:");
        assertThat(manifest.revisions().get(3).extra()).containsEntry("runOnChange", "true");
        assertThat(manifest.revisions().get(6).extra()).containsEntry("context", "demo").containsEntry("labels", "seed");
    }

    @Test
    void withADialectChangesetsForOtherDatabasesAreLeftOut() throws IOException {
        Path changelog = dir.resolve("changelog.yaml");
        ImportResult result = importProject(FIXTURES.resolve("formatted"), changelog, DialectId.SQLITE, false);
        assertThat(result.notes()).extracting(Problem::message).anyMatch(m -> m.startsWith(
                "changeset index-orders-concurrently is not imported: its dbms (postgresql) leaves out sqlite"));
        assertThat(revisions(changelog)).extracting(Revision::id).containsExactly("1", "2", "add_notes",
                "customer_orders_view", "index_orders", "seed");
        assertThat(revisions(changelog).get(4).parents()).containsExactly("add_notes");
    }

    @Test
    void theYamlProjectFollowsPropertiesSqlFilesAndIncludeAllInLiquibasesOrder() throws IOException {
        Path changelog = dir.resolve("changelog.yaml");
        importProject(FIXTURES.resolve("yaml"), changelog, null, false);
        List<Revision> revisions = revisions(changelog);
        assertThat(revisions).extracting(Revision::id).containsExactly("create_products", "create_stock",
                "001_price.1", "002_objects.1", "stock_view");
        assertThat(revisions.get(1).up().common()).isEqualTo("sql/stock.sql");
        assertThat(revisions.get(3).transactional()).isFalse();
        assertThat(revisions.get(3).up().common()).isNull();
        assertThat(revisions.get(4).repeatable()).isTrue();
        assertThat(revisions.get(4).description()).isEqualTo("what is in stock");
        ImportManifest manifest = ImportManifest.read(changelog, "liquibase");
        assertThat(manifest.revisions()).extracting(e -> e.extra().get("filename")).containsExactly(
                "db/changelog/db.changelog-master.yaml", "db/changelog/db.changelog-master.yaml",
                "db/changelog/changes/001-price.sql", "db/changelog/changes/002-objects.xml",
                "db/changelog/changes/002-objects.xml");
        ImportManifest.Entry index = manifest.revisions().get(3);
        assertThat(index.checksum()).as("differs per database: the changes for others are left out").isNull();
        assertThat(index.extra()).containsKeys("md5sum.postgresql", "md5sum.sqlite", "md5sum.mysql");
        assertThat(index.extra().get("md5sum.postgresql")).isNotEqualTo(index.extra().get("md5sum.sqlite"));
        assertThat(index.extra().get("md5sum.mysql")).isEqualTo(index.extra().get("md5sum.sqlite"));
    }

    @Test
    void unsupportedConstructsAreProblemsAtTheirLine() {
        Path from = FIXTURES.resolve("unsupported");
        assertThatThrownBy(() -> importProject(from, dir.resolve("changelog.yaml"), null, false))
                .isInstanceOf(ChangelogException.class)
                .satisfies(e -> {
                    List<String> lines = new ArrayList<>();
                    for (Problem p : ((ChangelogException) e).problems()) {
                        lines.add(p.where().file().replace('\\', '/').replaceAll(".*/unsupported/", "") + ":"
                                + p.where().line() + ": " + p.message());
                    }
                    assertThat(lines).anyMatch(l -> l.startsWith("changelog.xml:4: changeset create-users has a"
                            + " createTable change: Graft imports SQL only"));
                    assertThat(lines).anyMatch(l -> l.startsWith("changelog.xml:9: changeset sql-ok has preconditions"));
                    assertThat(lines).anyMatch(l -> l.startsWith("changelog.xml:12: changeset sql-ok has endDelimiter /"));
                    assertThat(lines).anyMatch(l -> l.startsWith("more.sql:4: changeset always has a precondition"));
                    assertThat(lines).anyMatch(l -> l.startsWith("more.sql:5: changeset always has a precondition"));
                    assertThat(lines).anyMatch(l -> l.startsWith("more.sql:3: changeset always has runAlways"));
                });
        assertThat(Files.exists(dir.resolve("changelog.yaml"))).isFalse();

        ImportResult skipped = importProject(from, dir.resolve("changelog.yaml"), null, true);
        assertThat(skipped.revisions()).as("the createTable changeset is left out").isEqualTo(2);
        assertThat(revisions(dir.resolve("changelog.yaml"))).extracting(Revision::id).containsExactly("sql_ok", "always");
        assertThat(revisions(dir.resolve("changelog.yaml")).get(1).repeatable()).isTrue();
    }

    @Test
    void idsAreUniqueAndUseGraftsAlphabet() {
        LiquibaseChangeSet a = changeSet("create-users", "ann", "db/a.sql");
        LiquibaseChangeSet b = changeSet("1", "ann", "db/a.sql");
        LiquibaseChangeSet c = changeSet("1", "ann", "db/b.xml");
        LiquibaseChangeSet d = changeSet("1", "bob", "db/b.xml");
        Map<LiquibaseChangeSet, String> ids = LiquibaseTool.ids(List.of(a, b, c, d));
        assertThat(List.of(ids.get(a), ids.get(b), ids.get(c), ids.get(d)))
                .containsExactly("create_users", "a.1", "b.1_ann", "b.1_bob");
    }

    @Test
    void dbmsMatchesAsLiquibaseMatchesIt() {
        assertThat(LiquibaseTool.runsOn(null, "sqlite")).isTrue();
        assertThat(LiquibaseTool.runsOn("postgresql", "sqlite")).isFalse();
        assertThat(LiquibaseTool.runsOn("mariadb", "mysql")).isTrue();
        assertThat(LiquibaseTool.runsOn("!postgresql", "sqlite")).isTrue();
        assertThat(LiquibaseTool.runsOn("!postgresql", "postgresql")).isFalse();
        assertThat(LiquibaseTool.runsOn("all", "postgresql")).isTrue();
        assertThat(LiquibaseTool.runsOn("none", "postgresql")).isFalse();
    }

    private static LiquibaseChangeSet changeSet(String id, String author, String file) {
        return new LiquibaseChangeSet(id, author, file, Path.of(file), 1,
                List.of(new LiquibaseChangeSet.Change("SELECT 1;", null, null)), null, false, false, true, null, null,
                Map.of());
    }
}
