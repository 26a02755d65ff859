package io.graft.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.DriftException;
import io.graft.Graft;
import io.graft.MigrationTestReport;
import io.graft.MigrationTestRequest;
import io.graft.SquashRequest;
import io.graft.SquashResult;
import io.graft.changelog.DialectId;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaDiff;
import io.graft.internal.schema.SchemaReader;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code graft squash} on each real database: the squashed changelog builds the same schema,
 * passes {@code graft test}, and databases that applied the replaced revisions keep working
 * (their history rewritten by the next run); one that applied only some of them is refused with
 * the missing ones named; the changelog keeps its comments; what cannot be squashed is refused.
 */
class SquashTest {

    @TempDir
    Path dir;

    private Path changelog() {
        Path file = ChangelogFixture.in(dir)
                .revision("0001_users", List.of(),
                        "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
                                + "INSERT INTO users (id, name) VALUES (1, 'admin');\n",
                        "DROP TABLE users;\n")
                .revision("0002_orders", List.of("0001_users"),
                        "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id),"
                                + " total DECIMAL(10,2));\nCREATE INDEX orders_user ON orders (user_id);\n",
                        "DROP TABLE orders;\n")
                .revision("0003_email", List.of("0002_orders"),
                        "ALTER TABLE users ADD COLUMN email VARCHAR(80);\n"
                                + "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;\n",
                        "DROP VIEW big_orders;\nALTER TABLE users DROP COLUMN email;\n", "labels: [core]")
                .revision("0004_audit", List.of("0003_email"), "CREATE TABLE audit (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE audit;\n")
                .save();
        try {
            String text = Files.readString(file);
            Files.writeString(file, "# the shop's changelog\n" + text.replace("  - id: 0004_audit",
                    "  # audit comes last\n  - id: 0004_audit"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static Schema read(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaReader.of(db.dialect()).read(c, null);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void theSquashedChangelogBuildsTheSameSchemaAndOldDatabasesKeepWorking(DialectId dialect) throws Exception {
        Path changelog = changelog();
        String dev = TestDatabase.serverUrl(dialect);
        try (TestDatabase before = TestDatabase.create(dialect); TestDatabase atHead = TestDatabase.create(dialect);
                TestDatabase partial = TestDatabase.create(dialect); TestDatabase fresh = TestDatabase.create(dialect)) {
            try (Graft old = Graft.builder().changelog(changelog).url(before.url(), before.user(), before.password())
                    .build()) {
                old.upgrade("0003_email");
            }
            try (Graft old = Graft.builder().changelog(changelog).url(atHead.url(), atHead.user(), atHead.password())
                    .build()) {
                old.upgrade("heads");
            }
            try (Graft old = Graft.builder().changelog(changelog).url(partial.url(), partial.user(),
                    partial.password()).build()) {
                old.upgrade("0001_users");
            }

            SquashResult result = Graft.squash(new SquashRequest(changelog, "0003_email", null,
                    dev == null ? List.of() : List.of(dev), dialect, false));
            assertThat(result.id()).isEqualTo("0003_email_squashed");
            assertThat(result.replaced()).containsExactly("0001_users", "0002_orders", "0003_email");
            assertThat(result.notes()).singleElement().asString().contains("0001_users.up.sql:2:1")
                    .contains("changes data (INSERT INTO users");
            assertThat(result.unusedFiles()).contains("sql/0001_users.up.sql", "sql/0003_email.down.sql");

            String text = Files.readString(changelog);
            assertThat(text).startsWith("# the shop's changelog\n").contains("  # audit comes last\n")
                    .contains("parents: [0003_email_squashed]")
                    .contains("replaces: [0001_users, 0002_orders, 0003_email]")
                    .contains("labels: [core]")
                    .doesNotContain("id: 0001_users").doesNotContain("id: 0002_orders");
            assertThat(Files.readString(dir.resolve("sql/0003_email_squashed.up.sql"))).contains("CREATE TABLE");

            MigrationTestReport proof = Graft.test(new MigrationTestRequest(changelog, dev, null, dialect));
            assertThat(proof.failures()).as("%s", proof.failures()).isEmpty();

            try (Graft graft = Graft.builder().changelog(changelog).url(fresh.url(), fresh.user(), fresh.password())
                    .build()) {
                graft.upgrade("heads");
            }
            try (Graft graft = Graft.builder().changelog(changelog).url(before.url(), before.user(),
                    before.password()).build()) {
                assertThat(graft.status().current()).containsExactly("0003_email_squashed");
                assertThat(graft.status().drift()).isEmpty();
                assertThat(graft.upgrade("heads").steps()).extracting(s -> s.revisionId())
                        .containsExactly("0004_audit");
            }
            assertThat(before.appliedIds()).containsExactlyInAnyOrder("0003_email_squashed", "0004_audit");
            assertThat(before.query("SELECT operation, error FROM graft_log WHERE revision_id = '0003_email_squashed'"))
                    .extracting(r -> r.get("operation") + " " + r.get("error"))
                    .containsExactly("squash replaces 0001_users, 0002_orders, 0003_email");
            assertThat(SchemaDiff.compare(read(fresh), read(before).withName(read(fresh).name()))).isEmpty();

            try (Graft graft = Graft.builder().changelog(changelog).url(atHead.url(), atHead.user(),
                    atHead.password()).build()) {
                assertThat(graft.upgrade("heads").steps()).isEmpty();
                assertThat(graft.status().current()).containsExactly("0004_audit");
                // The squashed revision goes down like any other.
                graft.downgrade("0003_email_squashed");
            }
            assertThat(atHead.appliedIds()).containsExactly("0003_email_squashed");

            try (Graft graft = Graft.builder().changelog(changelog).url(partial.url(), partial.user(),
                    partial.password()).build()) {
                assertThat(graft.status().drift()).singleElement().extracting(d -> d.message()).asString()
                        .contains("'0001_users' of the revisions that '0003_email_squashed' replaces, but not"
                                + " '0002_orders', '0003_email'");
                assertThatThrownBy(() -> graft.upgrade("heads")).isInstanceOf(DriftException.class)
                        .hasMessageContaining("but not '0002_orders', '0003_email'");
            }
            assertThat(partial.appliedIds()).containsExactly("0001_users");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = "SQLITE")
    void aBranchThatLeavesTheSquashedLineIsRefused(DialectId dialect) throws Exception {
        Path changelog = ChangelogFixture.in(dir)
                .revision("a1", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .revision("a2", List.of("a1"), "CREATE TABLE b (id INTEGER);\n", "DROP TABLE b;\n")
                .revision("side", List.of("a1"), "CREATE TABLE c (id INTEGER);\n", "DROP TABLE c;\n")
                .save();
        String before = Files.readString(changelog);
        assertThatThrownBy(() -> Graft.squash(new SquashRequest(changelog, "a2", null, List.of(), dialect, false)))
                .isInstanceOf(io.graft.ChangelogException.class)
                .hasMessageContaining("changelog.yaml:")
                .hasMessageContaining("'side' follows 'a1', which the squash would remove");
        assertThat(Files.readString(changelog)).isEqualTo(before);
        assertThatThrownBy(() -> Graft.squash(new SquashRequest(changelog, "a1", null, List.of(), dialect, false)))
                .hasMessageContaining("nothing to squash");
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = "SQLITE")
    void aDryRunWritesNothing(DialectId dialect) throws Exception {
        Path changelog = changelog();
        String before = Files.readString(changelog);
        SquashResult result = Graft.squash(new SquashRequest(changelog, "0002_orders", "base", List.of(), dialect,
                true));
        assertThat(result.written()).isFalse();
        assertThat(result.up().values()).containsExactly("sql/base.up.sql");
        assertThat(Files.readString(changelog)).isEqualTo(before);
        assertThat(dir.resolve("sql/base.up.sql")).doesNotExist();
    }
}
