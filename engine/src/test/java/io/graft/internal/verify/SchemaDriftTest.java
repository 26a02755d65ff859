package io.graft.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.SchemaDriftReport;
import io.graft.SchemaDriftReport.Way;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code graft drift} through the facade on each real database: a database migrated by Graft has
 * no drift; a table added, a column added and an index dropped behind Graft's back are each named.
 */
class SchemaDriftTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void changesMadeByHandAreEachNamed(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(40));\n"
                        + "CREATE INDEX users_name ON users (name);\n", "DROP TABLE users;\n")
                .revision("0002_orders", List.of("0001_users"), "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE orders;\n")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            String dev = TestDatabase.serverUrl(dialect);
            graft.upgrade("0001_users");
            SchemaDriftReport clean = graft.schemaDrift(dev);
            assertThat(clean.drifted()).as("%s", clean).isFalse();
            assertThat(clean.applied()).containsExactly("0001_users");

            db.execute("CREATE TABLE audit_by_hand (id INTEGER)");
            db.execute("ALTER TABLE users ADD COLUMN email VARCHAR(80)");
            db.execute(dialect == DialectId.MYSQL ? "DROP INDEX users_name ON users" : "DROP INDEX users_name");

            SchemaDriftReport drifted = graft.schemaDrift(dev);
            assertThat(drifted.drifted()).isTrue();
            assertThat(drifted.differences()).extracting(d -> d.way() + " " + d.object()).containsExactlyInAnyOrder(
                    Way.ADDED + " table audit_by_hand", Way.ADDED + " column users.email",
                    Way.MISSING + " index users.users_name");
        }
    }
}
